// The incident editor's notice, offer and codes forms (ADR 32, 33), as an importer uses them.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importOfferCodesAction, updateNoticeAction, updateOfferAction } from "@/app/admin/incidents/notice/actions";
import { setRequestAdapterForTests } from "@/lib/auth/next";
import { getDb } from "@/lib/db/client";
import { en } from "@/lib/i18n/messages/en";
import { noticeFormValues } from "@/lib/incidents/notice";
import { poolStats } from "@/lib/offers/pool-stats";
import { fakeRequest, signedIn } from "@/tests/support/admin";
import { setEnv } from "@/tests/support/api";
import { offerPool } from "@/tests/support/offers";
import { form } from "@/tests/support/pages";

const { revalidatePath } = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath }));

const db = getDb();

describe("notice and offer actions", () => {
  beforeAll(async () => {
    setEnv({ RATE_LIMITS: "off", __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" });
    fakeRequest({ cookie: (await signedIn("importer")).cookie, ip: "192.0.2.45" });
  });
  afterAll(() => {
    setRequestAdapterForTests(null);
    setEnv({ RATE_LIMITS: "on", __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: undefined });
  });

  it("saves the notice, refuses bad fields beside them, and audits the fields changed", async () => {
    const { incident } = await offerPool(0);
    const bad = await updateNoticeAction(
      undefined,
      form({ incident, breachStartedOn: "2026-02-03", breachEndedOn: "2026-02-01", contactUrl: "http://x" }),
    );
    expect(bad.errors).toEqual({ breachEndedOn: en.errors.date_range, contactUrl: en.errors.url_invalid });
    const ok = await updateNoticeAction(
      undefined,
      form({ incident, discoveredOn: "2026-02-03", noticeDelayedForLaw: "on", contactPhone: "1-800-555-0100" }),
    );
    expect(ok).toEqual({ notice: "saved" });
    const row = await db.incident.findUniqueOrThrow({ where: { slug: incident } });
    expect([row.discoveredOn?.toISOString(), row.noticeDelayedForLaw]).toEqual(["2026-02-03T00:00:00.000Z", true]);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "notice_edited", target: incident } });
    expect(entry.details).toEqual({ fields: ["contactPhone", "discoveredOn", "noticeDelayedForLaw"] });
    expect(
      await updateNoticeAction(
        undefined,
        form({ incident, discoveredOn: "2026-02-03", noticeDelayedForLaw: "on", contactPhone: "1-800-555-0100" }),
      ),
    ).toEqual({ notice: "unchanged" });
  });

  it("keeps the Spanish notice texts and offer instructions, audited by field", async () => {
    const { incident, category } = await offerPool(0);
    const bad = await updateNoticeAction(undefined, form({ incident, "es.noticeWhatHappened": "x".repeat(5_001) }));
    expect(bad.errors).toEqual({ "es.noticeWhatHappened": en.errors.summary_too_long });
    expect(bad.values?.["es.noticeWhatHappened"]).toHaveLength(5_001);
    const ok = await updateNoticeAction(
      undefined,
      form({ incident, noticeWhatHappened: "Someone broke in.", "es.noticeWhatHappened": "Alguien entró." }),
    );
    expect(ok).toEqual({ notice: "saved" });
    const row = await db.incident.findUniqueOrThrow({ where: { slug: incident } });
    expect(row.noticeText).toEqual({ es: { noticeWhatHappened: "Alguien entró." } });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "notice_edited", target: incident } });
    expect(entry.details).toEqual({ fields: ["es.noticeWhatHappened", "noticeWhatHappened"] });

    const offer = { incident, category, offerProvider: "Shield Co", offerMonths: "24" };
    const saved = await updateOfferAction(
      undefined,
      form({ ...offer, offerEnrollUrl: "https://shield.example/enrol", "es.offerInstructions": "Escriba el código." }),
    );
    expect(saved).toEqual({ notice: "saved" });
    const values = (await noticeFormValues(db, incident))!;
    expect(values.notice["es.noticeWhatHappened"]).toBe("Alguien entró.");
    expect(values.offers[category]!["es.offerInstructions"]).toBe("Escriba el código.");
    // A blank Spanish field clears the translation (English shows instead).
    await updateNoticeAction(undefined, form({ incident, noticeWhatHappened: "Someone broke in." }));
    expect((await db.incident.findUniqueOrThrow({ where: { slug: incident } })).noticeText).toEqual({ es: {} });
  });

  it("saves an offer whole or not at all", async () => {
    const { incident, category } = await offerPool(0);
    const half = await updateOfferAction(undefined, form({ incident, category, offerProvider: "X" }));
    expect(half.errors).toEqual({ offerProvider: en.errors.offer_incomplete });
    const none = await updateOfferAction(undefined, form({ incident, category, exposesIdNumbers: "on" }));
    expect(none.notice).toBe("saved");
    const row = await db.category.findFirstOrThrow({ where: { incident: { slug: incident } } });
    expect([row.offerProvider, row.exposesIdNumbers]).toEqual([null, true]);
  });

  it("loads a CSV of codes: counts only back, codes sealed, audited without them", async () => {
    const { incident, category } = await offerPool(0);
    const csv = "code\nAAAA-1111\nBBBB-2222\nAAAA-1111\nbad code!\n\nCCCC-3333\n";
    const file = new File([csv], "codes.csv", { type: "text/csv" });
    const f = form({ incident, category });
    f.append("file", file);
    expect(await importOfferCodesAction(undefined, f)).toEqual({ loaded: { loaded: 3, duplicates: 1, rejected: 1 } });
    const again = form({ incident, category });
    again.append("file", new File(["BBBB-2222\nDDDD-4444\n"], "more.csv"));
    expect(await importOfferCodesAction(undefined, again)).toEqual({
      loaded: { loaded: 1, duplicates: 1, rejected: 0 },
    });
    expect((await poolStats(db, incident))[0]).toMatchObject({ total: 4, left: 4, low: true });
    const entries = await db.auditLog.findMany({
      where: { action: "offer_codes_imported", target: `${incident}/group` },
    });
    expect(entries.map((e) => e.details)).toEqual([
      { loaded: 3, duplicates: 1, rejected: 1 },
      { loaded: 1, duplicates: 1, rejected: 0 },
    ]);
    expect(JSON.stringify(entries.map((e) => [e.target, e.details]))).not.toMatch(/AAAA|BBBB|CCCC|DDDD/);
  });

  it("refuses codes for an unknown group", async () => {
    const f = form({ incident: "no-such-incident", category: "group" });
    f.append("file", new File(["AAAA-1111"], "c.csv"));
    expect((await importOfferCodesAction(undefined, f)).error).toBe(en.errors.not_found);
  });
});
