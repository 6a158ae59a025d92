// /admin/settings: owners change the carrier's details, which then show on the customer
// pages; every other role is refused the page and the action.
import { afterAll, describe, expect, it, vi } from "vitest";
import SettingsPage from "@/app/admin/settings/page";
import { saveSettingsAction } from "@/app/admin/settings/actions";
import RemediationPage from "@/app/remediation/[incident]/[category]/page";
import { getDb } from "@/lib/db/client";
import { en } from "@/lib/i18n/messages/en";
import { getServices } from "@/lib/services";
import { DEMO_CARRIER } from "@/lib/config/carrier-fields";
import { fakeRequest, nextInterrupt, signedIn, signedInOwnerForFile } from "@/tests/support/admin";
import { form, render } from "@/tests/support/pages";

const { revalidatePath } = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath }));

const FORBIDDEN = "NEXT_HTTP_ERROR_FALLBACK;403";
const fields = { name: "", logoUrl: "", color: "", supportPhone: "", supportUrl: "", address: "" };
const remediation = () =>
  render(RemediationPage({ params: Promise.resolve({ incident: "2021-08-cyberattack", category: "prepaid" }) }));

describe("console settings (owners)", () => {
  const owner = signedInOwnerForFile();

  afterAll(async () => {
    await getDb().carrierSetting.deleteMany({});
    getServices().carrier.invalidate();
  });

  it("shows the configured values, saves an owner's, and the customer pages use them at once", async () => {
    fakeRequest({ cookie: owner.cookie, ip: "192.0.2.44" });
    const page = await render(SettingsPage());
    expect(page).toContain(en.admin.settings.title);
    expect(page).toContain(`Configured value: ${DEMO_CARRIER.name}`);
    expect(page).toContain('href="/admin/dashboard#sms-heading"');
    expect(await remediation()).toContain(`Questions? Contact ${DEMO_CARRIER.name}`);

    const state = await saveSettingsAction(
      undefined,
      form({
        ...fields,
        name: "Tidewater Wireless",
        supportPhone: "1-888-555-0142",
        supportUrl: "https://help.example.org",
      }),
    );
    expect(state).toEqual({ notice: en.admin.settings.saved });
    expect(revalidatePath).toHaveBeenCalledWith("/admin/settings");
    const html = await remediation();
    expect(html).toContain("Questions? Contact Tidewater Wireless");
    expect(html).toContain('href="tel:18885550142"');
    expect(html).toContain('href="https://help.example.org"');
    expect(await render(SettingsPage())).toContain('value="Tidewater Wireless"');
    expect(
      await getDb().auditLog.findFirst({ where: { action: "settings_changed", actorEmail: owner.user.email } }),
    ).toMatchObject({ ip: "192.0.2.44", details: { fields: ["name", "supportPhone", "supportUrl"] } });
  });

  it("keeps what was typed and says what is wrong, saving nothing", async () => {
    fakeRequest({ cookie: owner.cookie });
    const typed = { ...fields, name: "Fine Name", color: "#ffff00" };
    expect(await saveSettingsAction(undefined, form(typed))).toEqual({
      values: typed,
      error: en.admin.settings.fixErrors,
      errors: { color: en.errors.carrier_color_invalid },
    });
    expect(await getDb().carrierSetting.findUnique({ where: { key: "name" } })).not.toMatchObject({
      value: "Fine Name",
    });
  });

  it("refuses the page and the action to every other role", async () => {
    for (const role of ["importer", "agent", "viewer"] as const) {
      const other = await signedIn(role);
      fakeRequest({ cookie: other.cookie });
      expect(await nextInterrupt(() => SettingsPage())).toBe(FORBIDDEN);
      expect(await nextInterrupt(() => saveSettingsAction(undefined, form({ ...fields, name: "Hijack" })))).toBe(
        FORBIDDEN,
      );
    }
    expect(await getDb().carrierSetting.findUnique({ where: { key: "name" } })).not.toMatchObject({ value: "Hijack" });
  });
});
