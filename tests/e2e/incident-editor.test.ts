// The incident editor in a real browser: an importer changes a remediation step, saves
// it as a draft (the public page does not change), previews the page with the draft,
// publishes, and the public page shows the new step.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages/en";
import { DEMO_INCIDENT } from "@/lib/incidents/demo-data";
import { createConsoleUser, signInToConsole, type ConsoleUser } from "@/tests/support/console-e2e";
import { expectAccessible, hasChromium, inCi, launchChromium, startApp, type RunningApp } from "@/tests/support/e2e";

const EDITOR: ConsoleUser = { email: "editor@example.com", password: "a long enough passphrase", role: "importer" };
const NEW_STEP = "Freeze your credit today at Equifax, Experian and TransUnion: it is free.";

describe.skipIf(!hasChromium && !inCi)("incident editor in a browser", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    expect(await createConsoleUser(app, EDITOR)).toBe(0);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (process.env.E2E_DEBUG) console.log(app?.output().slice(-4000));
    await app?.stop();
  });

  it("saves a draft, previews it, publishes it, and only then shows it on the public page", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signInToConsole(page, app, EDITOR);

    await page.goto(`${app.base}/admin/incidents`);
    await expect(page.getByTestId("completeness").first().textContent()).resolves.toContain("Spanish: 18 of 18 fields");

    await page.goto(`${app.base}/admin/incidents/${DEMO_INCIDENT.slug}`);
    await expectAccessible(page, "the incident editor");
    const group = page.locator("#category-former");
    await group.getByLabel("Step 1 (English)").fill(NEW_STEP);
    const save = group.getByRole("button", { name: en.admin.incidents.save });
    await save.click();
    // The outcome is next to the button that was pressed.
    await group.getByRole("status").filter({ hasText: en.admin.incidents.saved }).waitFor();

    const publicPage = await ctx.newPage();
    const publicUrl = `${app.base}/remediation/${DEMO_INCIDENT.slug}/former`;
    await publicPage.goto(publicUrl);
    expect(await publicPage.locator("article").textContent()).not.toContain(NEW_STEP);

    await page.reload();
    const [preview] = await Promise.all([
      page.waitForURL(/\/preview\/former\?locale=en$/),
      group.getByRole("link", { name: "Preview the public page (English)" }).click(),
    ]);
    void preview;
    await page.getByText(en.admin.incidents.previewPageTitle).waitFor();
    expect(await page.locator("article").textContent()).toContain(NEW_STEP);
    await expectAccessible(page, "the preview of the public page");

    await page.goto(`${app.base}/admin/incidents/${DEMO_INCIDENT.slug}#category-former`);
    await group.getByRole("button", { name: en.admin.incidents.publish, exact: true }).click();
    await group.getByText("Published as version 2. Customers see it now.").waitFor();

    // Shared pages are cached; a content change purges every node's cache within a second (ADR 30).
    await expect
      .poll(
        async () => {
          await publicPage.goto(publicUrl);
          return publicPage.locator("article").textContent();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toContain(NEW_STEP);
    await ctx.close();
  }, 180_000);
});
