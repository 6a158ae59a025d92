// The console's shell in a real browser: an owner signs in, finds the navigation bar
// (and its folded menu at phone width), changes the carrier's settings and sees them on
// the customer pages, then signs out with the bar's button.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, inCi, launchChromium, startApp, type RunningApp } from "@/tests/support/e2e";
import { createConsoleUser, signInToConsole, type ConsoleUser } from "@/tests/support/console-e2e";

const EMAIL = "shell-owner@example.com";
const PASSWORD = "a long enough passphrase";

const OWNER: ConsoleUser = { email: EMAIL, password: PASSWORD, role: "owner" };

describe.skipIf(!hasChromium && !inCi)("console shell in a browser", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    expect(await createConsoleUser(app, OWNER)).toBe(0);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (process.env.E2E_DEBUG) console.log(app?.output().slice(-4000));
    await app?.stop();
  });

  it("shows the bar, saves settings that the customer pages show, and signs out", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${app.base}/admin/sign-in`);
    expect(await page.getByRole("navigation", { name: "Console" }).count()).toBe(0);
    await signInToConsole(page, app, OWNER);

    const nav = page.getByRole("navigation", { name: "Console" });
    await expect(nav.getByText(`Signed in as ${EMAIL}`).isVisible()).resolves.toBe(true);
    await nav.getByRole("link", { name: "Caller lookup" }).click();
    await page.waitForURL(/\/admin\/lookup$/);
    const crumbs = page.getByRole("navigation", { name: "You are here" });
    expect(await crumbs.innerText()).toMatch(/Console\s*›\s*Caller lookup/);
    // The header's product name leads back to the console home.
    expect(await page.getByRole("banner").getByRole("link").getAttribute("href")).toBe("/admin");

    await nav.getByRole("link", { name: "Settings" }).click();
    await page.waitForURL(/\/admin\/settings$/);
    expect(await page.title()).toMatch(/^Settings — /);
    await expectAccessible(page, "the settings page");
    await page.getByLabel("Carrier name").fill("Tidewater Wireless");
    await page.getByLabel("Support phone number").fill("1-888-555-0142");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved.").waitFor();

    const customer = await ctx.newPage();
    // Each app process reads the settings again within 5 s, and shared pages rendered
    // before that are not kept (ADR 34): another process may show the old name until then.
    await expect
      .poll(
        async () => {
          await customer.goto(`${app.base}/remediation/2021-08-cyberattack/prepaid`);
          return customer.getByRole("banner").innerText();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toContain("Tidewater Wireless · Exposure Check");
    expect(await customer.title()).toContain("Tidewater Wireless");
    const call = customer.getByRole("link", { name: "Call 1-888-555-0142" });
    expect(await call.getAttribute("href")).toBe("tel:18885550142");
    await expectAccessible(customer, "a remediation page with the carrier's contacts");
    await customer.close();

    // At phone width the sections fold into a menu that opens from the keyboard.
    await page.setViewportSize({ width: 390, height: 800 });
    const menu = nav.getByText("Menu");
    expect(await menu.isVisible()).toBe(true);
    expect(await nav.getByRole("link", { name: "Users" }).first().isVisible()).toBe(false);
    await menu.focus();
    await page.keyboard.press("Enter");
    expect(await nav.getByRole("link", { name: "Users" }).first().isVisible()).toBe(true);

    await nav.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/admin\/sign-in$/);
    await page.goto(`${app.base}/admin/settings`);
    await page.waitForURL(/\/admin\/sign-in$/);
    await ctx.close();
  });
});
