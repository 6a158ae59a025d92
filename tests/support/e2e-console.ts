// Signing in to the console in a browser, second factor included (docs/adr/0019): the
// TOTP codes are computed by the test (tests/support/totp.ts), as an authenticator would.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { freshTotp } from "@/tests/support/totp";

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

/** Enrolment, from the enrolment page on. */
export async function enrolHere(page: Page, password: string) {
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Show the QR code" }).click();
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
