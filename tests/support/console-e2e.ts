// Console sessions in the browser tests, second factor included (docs/adr/0019): one place
// that creates a console user (through the CLI, as an operator would) and signs in through
// the forms, so a change to sign-in is made here once. The TOTP codes are computed by the
// test (tests/support/totp.ts), as an authenticator would.
import { spawn } from "node:child_process";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import { root, type RunningApp } from "@/tests/support/e2e";
import { freshTotp } from "@/tests/support/totp";

export type ConsoleUser = { email: string; password: string; role: Role };

/** Creates the user with `npm run admin -- create-user … --password-stdin`; resolves with the exit code. */
export function createConsoleUser(app: RunningApp, user: ConsoleUser): Promise<number> {
  return new Promise((resolve) => {
    const args = ["create-user", "--email", user.email, "--role", user.role, "--password-stdin"];
    const c = spawn(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args], {
      cwd: root,
      env: app.env,
      stdio: ["pipe", "ignore", "inherit"],
    });
    c.on("exit", (code) => resolve(code ?? 1));
    c.stdin!.end(`${user.password}\n`);
  });
}

/** A new user's first sign-in, enrolment included; ends on the console home. Returns the TOTP key. */
export async function signInToConsole(page: Page, app: RunningApp, user: ConsoleUser) {
  return signInAndEnrol(page, app.base, user.email, user.password);
}

/** Password on the sign-in page; the page it leads to is the caller's to wait for. */
export async function submitPassword(page: Page, base: string, email: string, password: string): Promise<void> {
  if (!page.url().includes("/admin/sign-in")) await page.goto(`${base}/admin/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * A first sign-in: the password, then enrolment (the password again, the key shown under
 * the QR code, one code), then the backup codes, shown once. Ends on the console home.
 */
export async function signInAndEnrol(page: Page, base: string, email: string, password: string) {
  await submitPassword(page, base, email, password);
  await page.waitForURL(/\/admin\/enroll$/);
  return enrolHere(page, password);
}

/**
 * Enrolment, from the enrolment form on (the enrolment page, or the account page's "Add an
 * authenticator app"); `stepUp` answers the step-up prompt a user with a factor gets first.
 */
export async function enrolHere(page: Page, password: string, stepUp?: () => Promise<void>) {
  // Exact: the passkey form beside it asks for "Your password" (docs/adr/0038).
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Show the QR code" }).click();
  await stepUp?.();
  await page.getByRole("img", { name: "QR code for your authenticator app" }).waitFor();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32,}$/);
  await page.getByLabel("Code from the app").fill(freshTotp(secret));
  await page.getByRole("button", { name: "Confirm" }).click();
  await page.waitForURL(/\/admin\/enroll\/backup-codes$/);
  await page.getByRole("button", { name: "Show my backup codes" }).click();
  const list = page.getByRole("list", { name: "Your backup codes" });
  await list.waitFor();
  const backupCodes = await list.getByRole("listitem").allTextContents();
  expect(backupCodes).toHaveLength(10);
  await page.getByRole("link", { name: "I have stored them: continue to the console" }).click();
  await page.waitForURL(/\/admin$/);
  return { secret, backupCodes };
}

/** A later sign-in: the password, then a fresh code from the key. Ends on the console home. */
export async function signInWithCode(page: Page, base: string, email: string, password: string, secret: string) {
  await submitPassword(page, base, email, password);
  await page.waitForURL(/\/admin\/sign-in\/factor$/);
  await page.getByLabel("Code").fill(freshTotp(secret));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(/\/admin$/);
}

/**
 * Gives the page a passkey authenticator through Chromium's DevTools protocol (WebAuthn
 * domain): internal, resident keys, user verification always given, presence simulated.
 */
export async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

/** Enrolment with a passkey instead of the app, from the enrolment page on. Ends on the console home. */
export async function enrolPasskeyHere(page: Page, password: string, name: string): Promise<void> {
  await page.getByLabel("Your password", { exact: true }).fill(password);
  await page.getByLabel("Name of the passkey").fill(name);
  await page.getByRole("button", { name: "Register a passkey" }).click();
  await page.waitForURL(/\/admin$/);
}

/** A later sign-in of a passkey user: the password, then the passkey. Ends on the console home. */
export async function signInWithPasskey(page: Page, base: string, email: string, password: string): Promise<void> {
  await submitPassword(page, base, email, password);
  await page.waitForURL(/\/admin\/sign-in\/factor$/);
  await page.getByRole("button", { name: "Use my passkey" }).click();
  await page.waitForURL(/\/admin$/);
}
