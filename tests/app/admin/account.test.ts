// /admin/account as any signed-in user uses it: the page, the password form's action
// (form fields → schema input, errors in the user's words) and the link from the home page.
import { describe, expect, it } from "vitest";
import AccountPage from "@/app/admin/account/page";
import { changePasswordAction } from "@/app/admin/account/actions";
import AdminHome from "@/app/admin/page";
import { en } from "@/lib/i18n/messages/en";
import { authDeps, consoleTestEnvForFile, fakeRequest, PASSWORD, signedIn, factorSignIn } from "@/tests/support/admin";
import { form, render } from "@/tests/support/pages";

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
