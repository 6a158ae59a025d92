// /admin/account as any signed-in user uses it: the page, the password form's action
// (form fields → schema input, errors in the user's words) and the link from the home page;
// and a user with passkeys only adding an authenticator app there (docs/adr/0040).
import { describe, expect, it } from "vitest";
import AccountPage from "@/app/admin/account/page";
import { changePasswordAction } from "@/app/admin/account/actions";
import { confirmEnrolmentAction, revealBackupCodesAction, startEnrolmentAction } from "@/app/admin/enroll/actions";
import AdminHome from "@/app/admin/page";
import { passkeyRegistrationOptions, registerPasskey } from "@/lib/auth/passkeys";
import { getDb } from "@/lib/db/client";
import { en } from "@/lib/i18n/messages/en";
import {
  authDeps,
  consoleTestEnvForFile,
  cookieFrom,
  fakeRequest,
  makeUser,
  nextInterrupt,
  PASSWORD,
  passwordSignIn,
  signedIn,
  factorSignIn,
  TEST_PUBLIC_URL,
} from "@/tests/support/admin";
import { form, render } from "@/tests/support/pages";
import { freshTotp } from "@/tests/support/totp";
import { SoftPasskey } from "@/tests/support/webauthn";

const TO_BACKUP_CODES = /^NEXT_REDIRECT;(replace|push);\/admin\/enroll\/backup-codes;\d+;/;

const NEW = "another long passphrase";
describe("your password (every role)", () => {
  consoleTestEnvForFile();

  it("is linked from the console home and shows the form to a viewer", async () => {
    const viewer = await signedIn("viewer");
    fakeRequest({ cookie: viewer.cookie });
    expect(await render(AdminHome())).toContain(`href="/admin/account"`);
    const html = await render(AccountPage());
    for (const label of [en.admin.account.current, en.admin.account.new, en.admin.account.confirm])
      expect(html).toContain(label);
    expect(html).toContain('autoComplete="current-password"');
  });

  it("changes the password, says how many other sessions ended, and answers bad fields in the user's words", async () => {
    const agent = await signedIn("agent");
    fakeRequest({ cookie: agent.cookie, ip: "192.0.2.71" });
    const wrong = await changePasswordAction(
      undefined,
      form({ currentPassword: "not it at all", newPassword: NEW, confirmPassword: NEW }),
    );
    expect(wrong).toEqual({
      error: en.admin.account.fixErrors,
      errors: { currentPassword: en.errors.current_password_wrong },
    });
    const mismatch = await changePasswordAction(
      undefined,
      form({ currentPassword: PASSWORD, newPassword: NEW, confirmPassword: "something else" }),
    );
    expect(mismatch.errors).toEqual({ confirmPassword: en.errors.password_mismatch });

    await factorSignIn(authDeps(), { email: agent.user.email, password: PASSWORD }, agent.secret, { ip: "192.0.2.72" });
    const done = await changePasswordAction(
      undefined,
      form({ currentPassword: PASSWORD, newPassword: NEW, confirmPassword: NEW }),
    );
    expect(done).toEqual({ notice: "Your password was changed. One other session was ended." });
    expect(JSON.stringify([wrong, mismatch, done])).not.toContain(PASSWORD);
    expect(
      (await factorSignIn(authDeps(), { email: agent.user.email, password: NEW }, agent.secret, { ip: "192.0.2.73" }))
        .admin.id,
    ).toBe(agent.user.id);
  });
});

describe("an authenticator app after passkeys (docs/adr/0040)", () => {
  consoleTestEnvForFile();

  it("is offered to a passkey-only user, behind a step-up, and shows the backup codes once", async () => {
    const deps = authDeps();
    const meta = { ip: "192.0.2.74" };
    const user = await makeUser("viewer");
    const first = await passwordSignIn(deps, { email: user.email, password: PASSWORD }, meta);
    const cookie = cookieFrom(first.setCookie);
    const passkey = new SoftPasskey(TEST_PUBLIC_URL);
    const { options, handle } = await passkeyRegistrationOptions(
      deps,
      first.admin,
      { password: PASSWORD },
      cookie,
      meta,
    );
    await registerPasskey(
      deps,
      first.admin,
      { name: "Laptop", response: passkey.register(options), handle },
      cookie,
      meta,
    );
    const sessionId = first.admin.sessionId;
    fakeRequest({ cookie });
    expect(await render(AccountPage())).toContain(en.admin.account.totpTitle);

    await getDb().adminSession.updateMany({ where: { id: sessionId }, data: { stepUpAt: null } });
    expect(await startEnrolmentAction({}, form({ password: PASSWORD }))).toEqual({
      error: en.errors.step_up_required,
      stepUp: true,
    });
    await getDb().adminSession.updateMany({ where: { id: sessionId }, data: { stepUpAt: new Date() } });
    const started = await startEnrolmentAction({}, form({ password: PASSWORD }));
    const secret = started.enrolment!.secret;
    expect(await nextInterrupt(() => confirmEnrolmentAction(started, form({ code: freshTotp(secret) })))).toMatch(
      TO_BACKUP_CODES,
    );
    expect((await revealBackupCodesAction({})).codes).toHaveLength(10);
    expect(await revealBackupCodesAction({})).toEqual({ gone: true });
    expect(await render(AccountPage())).not.toContain(en.admin.account.totpTitle);
    expect(await startEnrolmentAction({}, form({ password: PASSWORD }))).toEqual({ error: en.errors.totp_exists });
  }, 90_000);

  it("is not offered to a user who has an authenticator app", async () => {
    const viewer = await signedIn("viewer");
    fakeRequest({ cookie: viewer.cookie });
    expect(await render(AccountPage())).not.toContain(en.admin.account.totpTitle);
  });
});
