// Console sessions in the browser tests: one place that creates a console user (through
// the CLI, as an operator would) and signs in through the form, so a change to sign-in
// (a second factor, say) is made here once.
import { spawn } from "node:child_process";
import type { Page } from "playwright-core";
import type { Role } from "@/lib/auth/permissions";
import { root, type RunningApp } from "@/tests/support/e2e";

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

/** Signs in through the console's form and waits for the console home. */
export async function signInToConsole(page: Page, app: RunningApp, user: ConsoleUser): Promise<void> {
  await page.goto(`${app.base}/admin/sign-in`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin$/);
}
