// A generated one-time password must be changed at first sign-in: until then the user
// reaches only /admin/account (and sign-out), whatever their role, on pages, actions and
// API routes alike; and every new password is checked for strength.
import { describe, expect, it } from "vitest";
import AccountPage from "@/app/admin/account/page";
import { changePasswordAction } from "@/app/admin/account/actions";
import AuditPage from "@/app/admin/audit/page";
import DashboardPage from "@/app/admin/dashboard/page";
import AdminHome from "@/app/admin/page";
import { GET as auditApi } from "@/app/api/admin/audit/route";
import { createUser } from "@/lib/auth/manage-users";
import { createAdminUser } from "@/lib/auth/users";
import { CLI_ACTOR } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { en } from "@/lib/i18n/messages/en";
import {
  authDeps,
  consoleTestEnvForFile,
  cookieFrom,
  enrol,
  fakeRequest,
  nextInterrupt,
  passwordSignIn,
} from "@/tests/support/admin";
import { noParams } from "@/tests/support/api";
import { form, render } from "@/tests/support/pages";
import { uniqueTag } from "@/tests/support/unique-tag";

const TO_ACCOUNT = /^NEXT_REDIRECT;(replace|push);\/admin\/account;\d+;/;
const MINE = "violet tugboat in the attic";

async function ownerWithGeneratedPassword() {
  const email = `generated-${uniqueTag()}@example.com`;
  const made = await createUser(getDb(), { email, role: "owner", initialPassword: "generate" }, { actor: CLI_ACTOR });
  const deps = authDeps();
  const first = await passwordSignIn(deps, { email, password: made.password! }, { ip: "192.0.2.90" });
  // The second factor first (docs/adr/0019), then the password gate.
  const { cookie } = await enrol(deps, first.admin, cookieFrom(first.setCookie), made.password!);
  return { email, password: made.password!, cookie };
}

const api = (cookie: string) =>
  auditApi(new Request("http://localhost/api/admin/audit", { headers: { cookie } }), noParams);

describe("a generated password", () => {
  consoleTestEnvForFile();

  it("is flagged; only the password page and sign-out serve the user until it is changed", async () => {
    const user = await ownerWithGeneratedPassword();
    expect(
      await getDb().adminUser.findUniqueOrThrow({ where: { email: user.email }, select: { mustChangePassword: true } }),
    ).toEqual({ mustChangePassword: true });
    fakeRequest({ cookie: user.cookie });
    for (const page of [
      () => AdminHome(),
      () => DashboardPage(),
      () => AuditPage({ searchParams: Promise.resolve({}) }),
    ])
      expect(await nextInterrupt(page)).toMatch(TO_ACCOUNT);
    const refused = await api(user.cookie);
    expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([
      403,
      "password_change_required",
    ]);
    expect(await render(AccountPage())).toContain(en.admin.account.mustChange);

    const weak = await changePasswordAction(
      undefined,
      form({ currentPassword: user.password, newPassword: "password1234", confirmPassword: "password1234" }),
    );
    expect(weak.errors).toEqual({ newPassword: en.errors.password_weak_common });
    const done = await changePasswordAction(
      undefined,
      form({ currentPassword: user.password, newPassword: MINE, confirmPassword: MINE }),
    );
    expect(done.notice).toBeDefined();

    // The same session now reaches the console.
    expect(await nextInterrupt(() => DashboardPage())).toBe("completed");
    expect((await api(user.cookie)).status).toBe(200);
    expect(await render(AccountPage())).not.toContain(en.admin.account.mustChange);
  });

  it("is not asked of a user whose password was chosen (CLI, or typed by an owner)", async () => {
    const email = `chosen-${uniqueTag()}@example.com`;
    await createAdminUser(getDb(), { email, role: "viewer", password: MINE }, { actor: CLI_ACTOR });
    expect(
      await getDb().adminUser.findUniqueOrThrow({ where: { email }, select: { mustChangePassword: true } }),
    ).toEqual({ mustChangePassword: false });
  });
});

describe("a chosen password", () => {
  it("is refused when easy to guess, with the reason on the field", async () => {
    const email = `weak-${uniqueTag()}@example.com`;
    await expect(
      createAdminUser(getDb(), { email, role: "viewer", password: "qwertyuiop123" }, { actor: CLI_ACTOR }),
    ).rejects.toMatchObject({
      code: "invalid_request",
      details: { fields: { password: "errors.password_weak_common" } },
    });
    expect(await getDb().adminUser.findUnique({ where: { email } })).toBeNull();
  });
});
