// The dashboard's texts panel: the hour's texts against each budget, which one tripped and
// when it reopens, the owners' pause, the conversion watch; and pausing and resuming all
// texts through the console (owners only, confirmed, audited).
import { afterAll, describe, expect, it, vi } from "vitest";
import DashboardPage from "@/app/admin/dashboard/page";
import { pauseTextsAction, resumeTextsAction } from "@/app/admin/dashboard/actions";
import { getDb } from "@/lib/db/client";
import { en } from "@/lib/i18n/messages/en";
import { getServices, resetServicesForTests } from "@/lib/services";
import type { BudgetStatus } from "@/lib/sms/budget";
import type { ConversionRow } from "@/lib/sms/conversion";
import { clearPause, readPause } from "@/lib/sms/pause";
import { fakeRequest, nextInterrupt, signedIn, signedInOwnerForFile } from "@/tests/support/admin";
import { form, render } from "@/tests/support/pages";

const { revalidatePath } = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath }));

const FORBIDDEN = "NEXT_HTTP_ERROR_FALLBACK;403";
const hour = new Date("2026-12-01T09:00:00Z");
const reopensAt = new Date("2026-12-01T10:00:00Z");
const budgetUse = (used: number, budget: number, refused = 0, trippedAt: Date | null = null) => ({
  used,
  budget,
  refused,
  trippedAt,
});

/** Fixed figures in place of the hour's real ones, which other test files also count. */
function stubHour(status: Partial<BudgetStatus>, conversion: ConversionRow[]) {
  const services = getServices();
  services.budget = {
    ...services.budget,
    status: async () => ({ hour, reopensAt, paused: null, global: budgetUse(0, 1_000_000), prefixes: [], ...status }),
  };
  services.conversion = { ...services.conversion, forHour: async () => conversion };
}

const plain = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("dashboard texts panel", () => {
  const owner = signedInOwnerForFile();
  afterAll(() => clearPause(getDb()));

  it("shows the hour's texts against each budget, the tripped one and when it reopens, and the watch's flag", async () => {
    fakeRequest({ cookie: owner.cookie });
    let asked: string[] | undefined;
    stubHour({}, []);
    const status = getServices().budget.status;
    getServices().budget.status = async (prefixes) => {
      asked = prefixes;
      return {
        ...(await status(prefixes)),
        global: budgetUse(1_234, 5_000),
        prefixes: [
          { prefix: "+1900", ...budgetUse(200, 200, 37, new Date("2026-12-01T09:12:00Z")) },
          { prefix: "+1206", ...budgetUse(15, 200) },
        ],
      };
    };
    getServices().conversion.forHour = async () => [
      { prefix: "*", sent: 1_249, verified: 40, flagged: true, alertedAt: new Date() },
      { prefix: "+1900", sent: 200, verified: 0, flagged: true, alertedAt: new Date() },
      { prefix: "+1206", sent: 15, verified: 12, flagged: false, alertedAt: null },
    ];
    const text = plain(await render(DashboardPage()));
    // The busiest prefixes of the watch are the budgets asked for.
    expect(asked).toEqual(["+1900", "+1206"]);
    expect(text).toContain(en.admin.dashboard.sms.heading);
    expect(text).toContain("Whole service 1,234 5,000 0 Open");
    expect(text).toContain("Prefix +1900 200 200 37 Spent at 9:12 AM; reopens at 10:00 AM");
    expect(text).toContain("Prefix +1206 15 200 0 Open");
    expect(text).toContain(
      "A send budget is spent: starts for Prefix +1900 are refused with no text sent until 10:00 AM.",
    );
    expect(text).toContain("All prefixes 1,249 40 3 % Flagged: few codes verified");
    expect(text).toContain("+1900 200 0 0 % Flagged: few codes verified");
    expect(text).toContain("+1206 15 12 80 % Normal");
    expect(text).toContain(en.admin.dashboard.sms.notPaused);
    // The owner gets the pause form, with the confirmation saying what will happen.
    expect(text).toContain("No customer will get a code");
    expect(text).toContain("1,234 texts were sent this hour.");
    // The texts panel (up to the pools that follow it) never shows a number. The rest of
    // the page names other test files' incidents, whose random tags may hold 7 digits.
    const panel = text.slice(text.indexOf(en.admin.dashboard.sms.heading), text.indexOf(en.admin.offers.pools.heading));
    expect(panel).toContain("1,234 texts were sent this hour.");
    expect(panel).not.toMatch(/\d{7}/);
  });

  it("says when nothing was texted this hour", async () => {
    fakeRequest({ cookie: owner.cookie });
    stubHour({}, []);
    const text = plain(await render(DashboardPage()));
    expect(text).toContain(en.admin.dashboard.sms.noPrefixes);
    expect(text).toContain(en.admin.dashboard.sms.conversion.empty);
  });

  it("lets an owner pause all texts once confirmed, audited, and resume them", async () => {
    fakeRequest({ cookie: owner.cookie, ip: "192.0.2.91" });
    resetServicesForTests(); // the real budgets and watch, not the figures stubbed above
    await clearPause(getDb());
    const audited = () =>
      getDb().auditLog.findMany({
        where: { action: { in: ["sms_paused", "sms_resumed"] }, actorEmail: owner.user.email },
        orderBy: { id: "asc" },
      });

    expect(await pauseTextsAction(undefined, form({}))).toEqual({ error: en.errors.sms_pause_confirm });
    expect(await readPause(getDb())).toBeNull();

    expect(await pauseTextsAction(undefined, form({ confirm: "yes" }))).toEqual({
      notice: en.admin.dashboard.sms.pause.paused,
    });
    expect(revalidatePath).toHaveBeenCalledWith("/admin/dashboard");
    expect(await readPause(getDb())).toMatchObject({ by: owner.user.email });
    // Every start is refused now, whatever the budgets.
    expect(await getServices().budget.reserve("+12065550100")).toMatchObject({ ok: false, tripped: "paused" });
    expect(await pauseTextsAction(undefined, form({ confirm: "yes" }))).toEqual({
      notice: en.admin.dashboard.sms.pause.alreadyPaused,
    });

    const page = plain(await render(DashboardPage()));
    expect(page).toContain(`All texts are paused by hand since`);
    expect(page).toContain(`(${owner.user.email})`);
    expect(page).toContain(en.admin.dashboard.sms.pause.resume);

    expect(await resumeTextsAction(undefined, form({}))).toEqual({ notice: en.admin.dashboard.sms.pause.resumed });
    expect(await readPause(getDb())).toBeNull();
    expect(await resumeTextsAction(undefined, form({}))).toEqual({ notice: en.admin.dashboard.sms.pause.notPaused });

    expect((await audited()).map((r) => [r.action, r.actorId, r.ip])).toEqual([
      ["sms_paused", owner.user.id, "192.0.2.91"],
      ["sms_resumed", owner.user.id, "192.0.2.91"],
    ]);
  });

  it("refuses pausing and resuming to every other role, and shows them no pause form", async () => {
    for (const role of ["importer", "agent", "viewer"] as const) {
      const user = await signedIn(role);
      fakeRequest({ cookie: user.cookie });
      expect(await nextInterrupt(() => pauseTextsAction(undefined, form({ confirm: "yes" })))).toBe(FORBIDDEN);
      expect(await nextInterrupt(() => resumeTextsAction(undefined, form({})))).toBe(FORBIDDEN);
      stubHour({}, []);
      const text = plain(await render(DashboardPage()));
      expect(text).toContain(en.admin.dashboard.sms.heading);
      expect(text).not.toContain(en.admin.dashboard.sms.pause.heading);
    }
    expect(await readPause(getDb())).toBeNull();
  });
});
