// The incident editor in a real browser: an importer changes a remediation step, saves
// it as a draft (the public page does not change), previews the page with the draft,
// publishes, and the public page shows the new step.
import { spawn } from "node:child_process";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages/en";
import { DEMO_INCIDENT } from "@/lib/incidents/demo-data";
import {
  expectAccessible,
  hasChromium,
  inCi,
  launchChromium,
  root,
  startApp,
  type RunningApp,
} from "@/tests/support/e2e";

const EMAIL = "editor@example.com";
const PASSWORD = "a long enough passphrase";
const NEW_STEP = "Freeze your credit today at Equifax, Experian and TransUnion: it is free.";

function createUser(app: RunningApp): Promise<number> {
  return new Promise((resolve) => {
    const c = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/admin.ts",
        "create-user",
        "--email",
        EMAIL,
        "--role",
        "importer",
        "--password-stdin",
      ],
      { cwd: root, env: app.env, stdio: ["pipe", "ignore", "inherit"] },
    );
    c.on("exit", (code) => resolve(code ?? 1));
    c.stdin!.end(`${PASSWORD}\n`);
  });
}

describe.skipIf(!hasChromium && !inCi)("incident editor in a browser", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    expect(await createUser(app)).toBe(0);
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
    await page.goto(`${app.base}/admin/sign-in`);
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/admin$/);

    await page.goto(`${app.base}/admin/incidents`);
    await expect(page.getByTestId("completeness").first().textContent()).resolves.toContain("Spanish: 11 of 11 fields");

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

    await publicPage.goto(publicUrl);
    expect(await publicPage.locator("article").textContent()).toContain(NEW_STEP);
    await ctx.close();
  }, 180_000);
});
