// The carrier's settings: configured defaults, owners' overrides on top, a short
// in-process cache, audited saves, and the same rules as the CARRIER_* variables.
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createCarrierSettings, CACHE_MS, updateCarrierSettings } from "@/lib/settings/carrier";
import { contrastWithWhite, DEMO_CARRIER, telHref, type CarrierSettings } from "@/lib/config/carrier-fields";
import { uniqueTag } from "@/tests/support/unique-tag";

const db = getDb();
const blank: Record<keyof CarrierSettings, string> = {
  name: "",
  logoUrl: "",
  color: "",
  supportPhone: "",
  supportUrl: "",
  address: "",
};

function store() {
  let t = 1_000_000;
  const s = createCarrierSettings({ db, defaults: DEMO_CARRIER, now: () => t });
  return { s, advance: (ms: number) => (t += ms) };
}

async function refusal(run: () => Promise<unknown>): Promise<Record<string, string> | undefined> {
  try {
    await run();
  } catch (e) {
    if (e instanceof AppError) return e.details.fields as Record<string, string>;
    throw e;
  }
  return undefined;
}

describe("carrier settings", () => {
  afterEach(async () => {
    await db.carrierSetting.deleteMany({});
  });

  it("uses the configured values until an owner overrides one; blank goes back to them", async () => {
    const { s } = store();
    const actor = { id: null, email: `owner-${uniqueTag()}@example.com` };
    expect(await s.current()).toEqual(DEMO_CARRIER);

    const saved = await updateCarrierSettings(
      s,
      db,
      { ...blank, name: "Tidewater Wireless", color: "#14532D", supportPhone: "611" },
      { actor, ip: "192.0.2.5" },
    );
    expect(saved.changed).toEqual(["name", "color", "supportPhone"]);
    expect(await s.current()).toEqual({
      ...DEMO_CARRIER,
      name: "Tidewater Wireless",
      color: "#14532d",
      supportPhone: "611",
    });
    expect(await s.overrides()).toEqual({ name: "Tidewater Wireless", color: "#14532d", supportPhone: "611" });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "settings_changed", actorEmail: actor.email },
    });
    expect(audit).toMatchObject({ ip: "192.0.2.5", details: { fields: ["name", "color", "supportPhone"] } });

    // The same form again changes nothing and records nothing; a default typed in drops the override.
    expect(
      (
        await updateCarrierSettings(
          s,
          db,
          { ...blank, name: "Tidewater Wireless", color: "#14532d", supportPhone: "611" },
          { actor },
        )
      ).changed,
    ).toEqual([]);
    expect((await updateCarrierSettings(s, db, { ...blank, name: DEMO_CARRIER.name }, { actor })).changed).toEqual([
      "name",
      "color",
      "supportPhone",
    ]);
    expect(await s.current()).toEqual(DEMO_CARRIER);
    expect(await db.auditLog.count({ where: { action: "settings_changed", actorEmail: actor.email } })).toBe(2);
  });

  it("serves other nodes' changes from its cache until it expires", async () => {
    const { s, advance } = store();
    const other = store().s;
    expect((await s.current()).name).toBe(DEMO_CARRIER.name);
    await updateCarrierSettings(
      other,
      db,
      { ...blank, name: "Elsewhere Mobile" },
      { actor: { id: null, email: "cli" } },
    );
    expect((await s.current()).name).toBe(DEMO_CARRIER.name);
    advance(CACHE_MS - 1);
    expect((await s.current()).name).toBe(DEMO_CARRIER.name);
    advance(1);
    expect((await s.current()).name).toBe("Elsewhere Mobile");
  });

  it("refuses unreadable colours, foreign logo schemes, letters in numbers and non-web addresses", async () => {
    const { s } = store();
    const ctx = { actor: { id: null, email: "cli" } };
    expect(
      await refusal(() =>
        updateCarrierSettings(
          s,
          db,
          {
            name: "x".repeat(81),
            logoUrl: "http://insecure.example/logo.png",
            color: "#ffff00",
            supportPhone: "call us",
            supportUrl: "javascript:alert(1)",
            address: "a".repeat(301),
          },
          ctx,
        ),
      ),
    ).toEqual({
      name: "errors.carrier_name_too_long",
      logoUrl: "errors.carrier_logo_invalid",
      color: "errors.carrier_color_invalid",
      supportPhone: "errors.carrier_phone_invalid",
      supportUrl: "errors.carrier_url_invalid",
      address: "errors.carrier_address_too_long",
    });
    expect(
      await refusal(() => updateCarrierSettings(s, db, { ...blank, logoUrl: "//evil.example/x.png" }, ctx)),
    ).toEqual({
      logoUrl: "errors.carrier_logo_invalid",
    });
    expect(await refusal(() => updateCarrierSettings(s, db, "not a form", ctx))).toBeDefined();
    expect(await db.carrierSetting.count()).toBe(0);
  });

  it("accepts a path on this site or an https logo, and dials only + and digits", async () => {
    const { s } = store();
    const ctx = { actor: { id: null, email: "cli" } };
    await updateCarrierSettings(s, db, { ...blank, logoUrl: "/icon.svg" }, ctx);
    expect((await s.current()).logoUrl).toBe("/icon.svg");
    await updateCarrierSettings(s, db, { ...blank, logoUrl: "https://cdn.example.com/logo.svg" }, ctx);
    expect((await s.current()).logoUrl).toBe("https://cdn.example.com/logo.svg");
    expect(telHref("+1 (800) 555-0175")).toBe("tel:+18005550175");
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 5);
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
    expect(contrastWithWhite(DEMO_CARRIER.color)).toBeGreaterThanOrEqual(4.5);
  });
});
