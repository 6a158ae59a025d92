// The console in a real browser: a new owner enrols a second factor (TOTP computed by
// the test) and sees the backup codes once; an importer signs in, enrols, uploads a list,
// previews it, runs a dry run and the import into a chosen category, watches the queued
// row complete without a reload, downloads the rejected rows, undoes the batch
// (confirmed) and restores it; then changes their password and signs in with password
// and code.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  hasChromium,
  inCi,
  launchChromium,
  root,
  startApp,
  type RunningApp,
} from "@/tests/support/e2e";
import { enrolHere, signInAndEnrol, signInWithCode, submitPassword } from "@/tests/support/console-e2e";

const EMAIL = "importer@example.com";
const PASSWORD = "a long enough passphrase";
const NEW_PASSWORD = "an even longer passphrase";

function createUser(app: RunningApp, email = EMAIL, role = "importer"): Promise<number> {
  return new Promise((resolve) => {
    const c = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/admin.ts", "create-user", "--email", email, "--role", role, "--password-stdin"],
      {
        cwd: root,
        env: app.env,
        stdio: ["pipe", "ignore", "inherit"],
      },
    );
    c.on("exit", (code) => resolve(code ?? 1));
    c.stdin!.end(`${PASSWORD}\n`);
  });
}

describe.skipIf(!hasChromium && !inCi)("console imports in a browser", () => {
  let app: RunningApp;
  let browser: Browser;

  let secret = "";

  beforeAll(async () => {
    // Step-up (default 5 minutes) is tested on its own; a slow machine must not time it out here.
    app = await startApp({ ADMIN_STEP_UP_SECONDS: "3600" });
    expect(await createUser(app)).toBe(0);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (process.env.E2E_DEBUG) console.log(app?.output().slice(-4000));
    await app?.stop();
  });

  it("leads a new owner through enrolment: QR key, one code, backup codes once, then the console", async () => {
    const email = "new-owner@example.com";
    expect(await createUser(app, email, "owner")).toBe(0);
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    // Before enrolling, every console page leads to enrolment.
    await submitPassword(page, app.base, email, PASSWORD);
    await page.waitForURL(/\/admin\/enroll$/);
    await page.goto(`${app.base}/admin/dashboard`);
    await page.waitForURL(/\/admin\/enroll$/);
    await expectAccessible(page, "the enrolment page");
    const { backupCodes } = await enrolHere(page, PASSWORD);
    expect(new Set(backupCodes).size).toBe(10);
    // Shown once: back on their page, they are not shown again.
    await page.goto(`${app.base}/admin/enroll/backup-codes`);
    await page.getByRole("button", { name: "Show my backup codes" }).click();
    await page.getByText("Your backup codes were shown once").waitFor();
    await page.goto(`${app.base}/admin/dashboard`);
    await page.waitForURL(/\/admin\/dashboard$/);
    await ctx.close();

    // A backup code signs in once, in place of the app.
    const again = await (await browser.newContext()).newPage();
    await submitPassword(again, app.base, email, PASSWORD);
    await again.waitForURL(/\/admin\/sign-in\/factor$/);
    await expectAccessible(again, "the code page");
    await again.getByLabel("Code").fill(backupCodes[0]!);
    await again.getByRole("button", { name: "Continue" }).click();
    await again.waitForURL(/\/admin$/);
    await again.context().close();
  }, 180_000);

  it("signs in, uploads, previews, dry-runs, imports, downloads rejections and undoes", async () => {
    const ctx = await browser.newContext({ acceptDownloads: true });
    const page = await ctx.newPage();
    await page.goto(`${app.base}/admin/imports`);
    await page.waitForURL(/\/admin\/sign-in/);
    ({ secret } = await signInAndEnrol(page, app.base, EMAIL, PASSWORD));

    await page.goto(`${app.base}/admin/imports`);
    await expectAccessible(page, "the imports page");
    const csv = "Phone,Name\n(206) 555-0401,Ann\n206.555.0402,Bo\n2.06555E+09,Cy\n";
    await page
      .getByLabel("CSV file of affected accounts")
      .setInputFiles({ name: "prepaid-2021.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await page.getByRole("heading", { name: "Preview: prepaid-2021.csv" }).waitFor();
    const table = await page.getByRole("table").textContent();
    expect(table).toContain("•••0401");
    expect(table).not.toContain("555-0401");
    await expectAccessible(page, "the preview page");

    // No category column: none is preselected, and the choice survives the dry run.
    expect(await page.getByLabel("Category").inputValue()).toBe("");
    await page.getByLabel("Category").selectOption({ label: "Prepaid customers" });
    await page.getByRole("button", { name: "Dry run" }).click();
    await page
      .getByText(/· Prepaid customers: 3 rows, 2 would be imported, 0 duplicates, 1 rejected\. Nothing was stored\./)
      .waitFor({ timeout: 60_000 });
    expect(await page.getByLabel("Category").inputValue()).toBe("prepaid");

    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.waitForURL(/\/admin\/imports#batch-\d+$/);
    const row = page.getByTestId("batch").filter({ hasText: "prepaid-2021.csv" });
    // Its row is there at once (queued), and completes without a reload.
    await row.waitFor({ timeout: 5_000 });
    await row.getByRole("cell", { name: "Completed", exact: true }).waitFor({ timeout: 90_000 });
    const cells = await row.getByRole("cell").allTextContents();
    const batch = cells[0]!;
    expect([cells[3], cells[4]]).toEqual(["Prepaid customers", EMAIL]);
    expect(cells.slice(6, 11)).toEqual(["Completed", "3", "2", "0", "1"]);
    expect(Number(cells[11])).toBeGreaterThanOrEqual(0);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("link", { name: "Download rejected rows" }).click(),
    ]);
    const body = readFileSync((await download.path())!, "utf8");
    expect(body.trim().split(/\r?\n/)).toEqual(["line,reason,value", "4,scientific_notation,2.06555E+09"]);
    // The download only reads; the values go when the importer wipes them (a POST).
    await row.getByRole("button", { name: "Wipe rejected values" }).click();
    await page.waitForURL(/\/admin\/imports$/);
    const [after] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("link", { name: "Download rejected rows" }).click(),
    ]);
    expect(
      readFileSync((await after.path())!, "utf8")
        .trim()
        .split(/\r?\n/),
    ).toEqual(["line,reason,value", "4,scientific_notation,"]);

    // Undo asks first, saying what will happen; then the batch can be restored.
    await row.getByText("Undo…").click();
    await row
      .getByText(`Undo batch ${batch}: 2 rows will be removed from lookups; customers will be told no record.`)
      .waitFor();
    await row.getByRole("button", { name: `Yes, undo batch ${batch}` }).click();
    await row.getByRole("cell", { name: "Undone", exact: true }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: `Batch ${batch} undone` })
      .waitFor();
    await row.getByRole("button", { name: "Restore" }).click();
    await row.getByRole("cell", { name: "Completed", exact: true }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: `Batch ${batch} restored` })
      .waitFor();
    expect(await row.getByRole("button", { name: "Restore" }).count()).toBe(0);
    await ctx.close();
  }, 180_000);

  it("changes the password from the console home; the old one stops working, the new one signs in", async () => {
    // Five sign-ins and changes for this email in the file: RATE_LIMIT_SIGN_IN_PER_EMAIL's default budget.
    const signInWith = async (password: string) => {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await submitPassword(page, app.base, EMAIL, password);
      return { ctx, page };
    };
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signInWithCode(page, app.base, EMAIL, PASSWORD, secret);
    await page.getByRole("link", { name: "Change your password" }).click();
    await page.waitForURL(/\/admin\/account$/);
    await expectAccessible(page, "the password page");
    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("New password again").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("status").getByText("Your password was changed.").waitFor();
    expect(await page.getByLabel("Current password").inputValue()).toBe("");
    await ctx.close();

    const old = await signInWith(PASSWORD);
    await old.page.getByText("Email or password is incorrect.").waitFor();
    await old.ctx.close();
    const fresh = await browser.newContext();
    await signInWithCode(await fresh.newPage(), app.base, EMAIL, NEW_PASSWORD, secret);
    await fresh.close();
  }, 120_000);
});
