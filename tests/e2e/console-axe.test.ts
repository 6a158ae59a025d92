// Every console page in a real browser, as an owner (who may open them all), at a desktop
// width and a phone's: axe finds no serious or critical violation (with every <details>
// open, so folded content is audited too), the page never scrolls sideways (wide tables
// scroll in their own region), and Tab alone reaches every control. The pages come from
// the build's manifest, so a new page is audited without being listed here.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsoleUser, signInToConsole, submitPassword, type ConsoleUser } from "@/tests/support/console-e2e";
import {
  expectAccessible,
  hasChromium,
  inCi,
  launchChromium,
  root,
  startApp,
  type RunningApp,
} from "@/tests/support/e2e";
import { doorsFromManifests, readManifests, sourceExists } from "@/tests/support/manifest-doors";

const OWNER: ConsoleUser = { email: "axe-owner@example.com", password: "a long enough passphrase", role: "owner" };
/** Signs in with the password only, so the enrolment form (not its "done" notice) is audited. */
const ENROLLING: ConsoleUser = {
  email: "axe-enrolling@example.com",
  password: "a long enough passphrase",
  role: "owner",
};
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/** How to reach each page with a dynamic segment; a new one fails the test until it is added. */
const DYNAMIC: Record<string, (page: Page, app: RunningApp) => Promise<string>> = {
  "app/admin/incidents/[slug]/page.tsx": async () => "/admin/incidents/2021-08-cyberattack",
  "app/admin/incidents/[slug]/preview/[category]/page.tsx": async () =>
    "/admin/incidents/2021-08-cyberattack/preview/prepaid",
  "app/admin/imports/upload/[id]/page.tsx": async (page, app) => {
    await page.goto(`${app.base}/admin/imports`);
    const csv = "Phone,Name\n(206) 555-0401,Ann\n206.555.0402,Bo\n";
    await page
      .getByLabel("CSV file of affected accounts")
      .setInputFiles({ name: "axe.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await page.waitForURL(/\/admin\/imports\/upload\/[^/]+$/);
    return new URL(page.url()).pathname;
  },
};

/** Pages the owner does not reach signed in (they redirect): audited in a context without a session. */
const SIGNED_OUT = new Set(["app/admin/sign-in/page.tsx", "app/admin/sign-in/factor/page.tsx"]);
/** Pages shown between the password and a second factor: audited as a user who has not enrolled yet. */
const BEFORE_FACTOR = new Set(["app/admin/enroll/page.tsx"]);

/** The elements Tab should reach that this page shows; a radio group counts once (arrows move within it). */
async function markFocusable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sel = [
      "a[href]",
      "button:not([disabled])",
      "input:not([type=hidden]):not([disabled])",
      "select:not([disabled])",
      "textarea:not([disabled])",
      "summary",
      '[tabindex]:not([tabindex="-1"])',
    ].join(",");
    const marks = new Set<string>();
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const box = el.getBoundingClientRect();
      if ((box.width === 0 && box.height === 0) || getComputedStyle(el).visibility === "hidden") continue;
      // Folded away until its <details> opens (Chromium still gives it a box): only the summary is reachable.
      const folded = el.closest("details:not([open])");
      if (folded && !(el.tagName === "SUMMARY" && el.parentElement === folded)) continue;
      const radio = el instanceof HTMLInputElement && el.type === "radio" ? `radio:${el.name}` : null;
      const mark = radio ?? `el:${n++}:${el.tagName.toLowerCase()}:${(el.textContent ?? "").trim().slice(0, 30)}`;
      el.setAttribute("data-kb", mark);
      marks.add(mark);
    }
    return [...marks];
  });
}

/** Presses Tab through the page; returns what it never reached. */
async function unreachableByTab(page: Page): Promise<string[]> {
  const marks = await markFocusable(page);
  const seen = new Set<string>();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // A date input takes a Tab per segment (month, day, year): allow more presses than marks.
  for (let i = 0; i < marks.length * 4 + 20 && seen.size < marks.length; i++) {
    await page.keyboard.press("Tab");
    const mark = await page.evaluate(() => document.activeElement?.getAttribute("data-kb") ?? null);
    if (mark) seen.add(mark);
  }
  const missed = marks.filter((m) => !seen.has(m));
  // A control marked before hydration may since have been disabled (a password field
  // greyed out while "generate" is chosen): only one still enabled should have been reached.
  return page.evaluate(
    (list) =>
      list.filter((m) => {
        const el = document.querySelector(`[data-kb="${CSS.escape(m)}"]`);
        return el !== null && !el.matches(":disabled");
      }),
    missed,
  );
}

/** Whether the page itself scrolls sideways, and the widest culprits if so. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return [];
    return [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter((el) => !el.closest("[role=region]"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 120));
  });
}

describe.skipIf(!hasChromium && !inCi)("every console page: axe, phone width and keyboard", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    expect(await createConsoleUser(app, OWNER)).toBe(0);
    expect(await createConsoleUser(app, ENROLLING)).toBe(0);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (process.env.E2E_DEBUG) console.log(app?.output().slice(-4000));
    await app?.stop();
  });

  it("passes axe at 1280 and 390 px, never scrolls sideways, and Tab reaches every control", async () => {
    const pages = doorsFromManifests(readManifests(root), sourceExists(root))
      .flatMap((d) => (d.kind === "page" && d.key.startsWith("app/admin/") ? [d.key] : []))
      .sort();
    // The console's pages, read from the build: the list cannot be short by accident.
    expect(pages).toEqual(
      expect.arrayContaining([
        "app/admin/page.tsx",
        "app/admin/audit/page.tsx",
        "app/admin/settings/page.tsx",
        ...SIGNED_OUT,
        ...BEFORE_FACTOR,
      ]),
    );
    expect(pages.length).toBeGreaterThanOrEqual(12);
    const unresolved = pages.filter((p) => p.includes("[") && !DYNAMIC[p]);
    expect(unresolved, "dynamic console pages with no way to reach them in DYNAMIC").toEqual([]);

    const signedIn = await browser.newContext();
    const signedOut = await browser.newContext();
    const enrolling = await browser.newContext();
    const problems: string[] = [];
    try {
      const tab = await signedIn.newPage();
      await signInToConsole(tab, app, OWNER);
      const first = await enrolling.newPage();
      await submitPassword(first, app.base, ENROLLING.email, ENROLLING.password);
      // The PostgreSQL side runs beside the embedded one in CI: a sign-in can take a while.
      await first.waitForURL(/\/admin\/enroll$/, { timeout: 90_000 });
      await first.close();
      for (const key of pages) {
        const ctx: BrowserContext = SIGNED_OUT.has(key) ? signedOut : BEFORE_FACTOR.has(key) ? enrolling : signedIn;
        const page = ctx === signedIn ? tab : await ctx.newPage();
        const urlPath = DYNAMIC[key]
          ? await DYNAMIC[key](page, app)
          : key.replace(/^app/, "").replace(/\/page\.tsx$/, "") || "/";
        for (const size of WIDTHS) {
          await page.setViewportSize(size);
          const response = await page.goto(`${app.base}${urlPath}`);
          const where = `${urlPath} at ${size.width} px`;
          if (response?.status() !== 200) {
            problems.push(`${where}: HTTP ${response?.status()} (${page.url()})`);
            continue;
          }
          const overflow = await sidewaysOverflow(page);
          if (overflow.length > 0) problems.push(`${where}: the page scrolls sideways: ${overflow.join(" | ")}`);
          if (size.width === 1280) {
            const missed = await unreachableByTab(page);
            if (missed.length > 0) problems.push(`${where}: Tab never reaches ${missed.join(" | ")}`);
          }
          await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
          try {
            await expectAccessible(page, where);
          } catch (e) {
            problems.push((e as Error).message);
          }
        }
        if (ctx !== signedIn) await page.close();
      }
    } finally {
      await signedIn.close();
      await signedOut.close();
      await enrolling.close();
    }
    expect(problems).toEqual([]);
  }, 900_000);
});
