// Passkeys in a real browser (docs/adr/0038), with Chromium's virtual authenticator
// (DevTools protocol): a new owner enrols with a passkey instead of an app, signs out,
// signs in with the password and the passkey, confirms a high-risk change (an API key)
// with the passkey in the step-up prompt, and finds the passkey on their account page;
// there adds an authenticator app after a passkey step-up (docs/adr/0040), gets backup
// codes, and then signs in with either factor.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, inCi, launchChromium, startApp, type RunningApp } from "@/tests/support/e2e";
import { freshTotp } from "@/tests/support/totp";
import {
  addVirtualAuthenticator,
  createConsoleUser,
  enrolHere,
  enrolPasskeyHere,
  signInWithPasskey,
  submitPassword,
} from "@/tests/support/console-e2e";

const USER = { email: "passkey-owner@example.com", password: "a long enough passphrase", role: "owner" as const };
/** The shortest the config allows (30 s): the test waits it out after signing in. */
const STEP_UP_SECONDS = 30;

describe.skipIf(!hasChromium && !inCi)("console passkeys in a browser", () => {
  let app: RunningApp;
  let browser: Browser;
  // WebAuthn refuses an IP address as the relying party: the console is reached at
  // localhost, the host of the default PUBLIC_URL (http://localhost:PORT).
  let base = "";

  beforeAll(async () => {
    app = await startApp({ ADMIN_STEP_UP_SECONDS: String(STEP_UP_SECONDS) });
    base = app.base.replace("127.0.0.1", "localhost");
    expect(await createConsoleUser(app, USER)).toBe(0);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (process.env.E2E_DEBUG) console.log(app?.output().slice(-4000));
    await app?.stop();
  });

  it("enrols with a passkey, signs in with password and passkey, and steps up with it", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await addVirtualAuthenticator(page);

    await submitPassword(page, base, USER.email, USER.password);
    await page.waitForURL(/\/admin\/enroll$/);
    await expectAccessible(page, "the enrolment page with its passkey form");
    await enrolPasskeyHere(page, USER.password, "Test laptop");

    await page.getByRole("navigation", { name: "Console" }).getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/admin\/sign-in$/);
    const signedInAt = Date.now();
    await signInWithPasskey(page, base, USER.email, USER.password);

    // The sign-in's step-up runs out; a new API key then asks for a factor in place.
    await page.goto(`${base}/admin/api-keys`);
    await page.getByLabel("Name", { exact: true }).fill("Billing system");
    const wait = signedInAt + (STEP_UP_SECONDS + 1) * 1000 - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm it is you" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Use a passkey instead" }).click();
    await page.getByText("The key Billing system was created.").waitFor();
    const steppedUpAt = Date.now();
    expect(await dialog.count()).toBe(0);

    await page.goto(`${base}/admin/account`);
    const list = page.getByRole("list", { name: "Your passkeys" });
    expect(await list.getByRole("listitem").allTextContents()).toEqual([
      expect.stringContaining("Test laptop") as unknown as string,
    ]);
    await expectAccessible(page, "the account page with its passkeys");

    // Passkeys only: an authenticator app can be added, once the step-up ran out after a
    // fresh one (a passkey's), then the backup codes are shown once.
    await page.getByRole("heading", { name: "Add an authenticator app" }).waitFor();
    const again = steppedUpAt + (STEP_UP_SECONDS + 1) * 1000 - Date.now();
    if (again > 0) await page.waitForTimeout(again);
    const { secret } = await enrolHere(page, USER.password, async () => {
      await dialog.waitFor();
      await dialog.getByRole("button", { name: "Use a passkey instead" }).click();
    });
    await page.goto(`${base}/admin/account`);
    expect(await page.getByRole("heading", { name: "Add an authenticator app" }).count()).toBe(0);

    // The sign-in now offers both: a code from the app, or the passkey.
    await page.getByRole("navigation", { name: "Console" }).getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/admin\/sign-in$/);
    await submitPassword(page, base, USER.email, USER.password);
    await page.waitForURL(/\/admin\/sign-in\/factor$/);
    await page.getByRole("button", { name: "Use my passkey" }).waitFor();
    await page.getByLabel("Code").fill(freshTotp(secret));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(/\/admin$/);
    await ctx.close();
  }, 300_000);
});
