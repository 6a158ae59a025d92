// /admin/users as an owner uses it: the page, the forms' actions (form fields → schema
// input, errors in the user's words, the generated password returned once), and refusals.
import { describe, expect, it, vi } from "vitest";
import AdminHome from "@/app/admin/page";
import UsersPage from "@/app/admin/users/page";
import { changeRoleAction, createUserAction, deleteUserAction, setUserDisabledAction } from "@/app/admin/users/actions";
import { getDb } from "@/lib/db/client";
import { en } from "@/lib/i18n/messages/en";
import {
  authDeps,
  fakeRequest,
  nextInterrupt,
  signedIn,
  signedInOwnerForFile,
  passwordSignIn,
} from "@/tests/support/admin";
import { uniqueTag } from "@/tests/support/unique-tag";
import { form, render } from "@/tests/support/pages";

// revalidatePath needs Next's request store; here it is only recorded.
const { revalidatePath } = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath }));

const db = getDb();
const FORBIDDEN = "NEXT_HTTP_ERROR_FALLBACK;403";
describe("console users (owners)", () => {
  const owner = signedInOwnerForFile();

  it("creates a user with a generated password, shown once, that signs in; audited with the owner and IP", async () => {
    fakeRequest({ cookie: owner.cookie, ip: "192.0.2.61" });
    const email = `made-${uniqueTag()}@example.com`;
    revalidatePath.mockClear();
    const state = await createUserAction(
      undefined,
      form({ email, role: "importer", initialPassword: "generate", password: "" }),
    );
    expect(state.created).toMatchObject({ email, role: "importer" });
    const password = state.created!.password!;
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(revalidatePath).toHaveBeenCalledWith("/admin/users");
    const { admin } = await passwordSignIn(authDeps(), { email, password }, { ip: "192.0.2.62" });
    expect(admin.role).toBe("importer");
    expect(await db.auditLog.findFirst({ where: { action: "user_created", target: email } })).toMatchObject({
      actorEmail: owner.user.email,
      ip: "192.0.2.61",
    });

    // The list shows them; the password is nowhere on the page.
    fakeRequest({ cookie: owner.cookie });
    const html = await render(UsersPage({ searchParams: Promise.resolve({}) }));
    expect(html).toContain(email);
    expect(html).not.toContain(password);
    expect(html).toContain(`aria-label="Disable ${email}"`);
  });

  it("answers bad fields next to them, keeps what was typed but never the password", async () => {
    fakeRequest({ cookie: owner.cookie });
    const state = await createUserAction(
      undefined,
      form({ email: "not an email", role: "viewer", initialPassword: "set", password: "short one" }),
    );
    expect(state.error).toBe(en.admin.users.fixErrors);
    expect(state.errors).toEqual({ email: en.errors.email_invalid, password: en.errors.password_too_short });
    expect(state.values).toEqual({ email: "not an email", role: "viewer", initialPassword: "set" });
    expect(JSON.stringify(state)).not.toContain("short one");
    const taken = await createUserAction(
      undefined,
      form({ email: owner.user.email, role: "viewer", initialPassword: "generate" }),
    );
    expect(taken.errors).toEqual({ email: en.errors.user_exists });
  });

  it("changes a role, disables, enables and deletes another user, with notices; refuses the owner's own account", async () => {
    const target = await signedIn("agent");
    fakeRequest({ cookie: owner.cookie, ip: "192.0.2.63" });
    const userId = target.user.id;
    expect(await changeRoleAction(undefined, form({ userId, role: "viewer" }))).toEqual({
      notice: `${target.user.email} is now Viewer. One session was ended.`,
    });
    expect(await changeRoleAction(undefined, form({ userId, role: "viewer" }))).toEqual({
      notice: en.admin.users.unchanged,
    });
    // Disabling is confirmed on the server too: without the field nothing changes.
    expect(await setUserDisabledAction(undefined, form({ userId, disabled: "true" }))).toEqual({
      error: en.errors.disable_confirm,
    });
    expect((await getDb().adminUser.findUniqueOrThrow({ where: { id: userId } })).disabledAt).toBeNull();
    expect(await setUserDisabledAction(undefined, form({ userId, disabled: "true", confirm: "yes" }))).toEqual({
      notice: `${target.user.email} is disabled.`,
    });
    expect(await setUserDisabledAction(undefined, form({ userId, disabled: "false" }))).toEqual({
      notice: `${target.user.email} can sign in again.`,
    });

    expect(await changeRoleAction(undefined, form({ userId: owner.user.id, role: "viewer" }))).toEqual({
      error: en.errors.own_account,
    });
    expect(
      await setUserDisabledAction(undefined, form({ userId: owner.user.id, disabled: "true", confirm: "yes" })),
    ).toEqual({
      error: en.errors.own_account,
    });
    expect(await deleteUserAction(undefined, form({ userId: owner.user.id, confirm: "yes" }))).toEqual({
      error: en.errors.own_account,
    });

    expect(await deleteUserAction(undefined, form({ userId }))).toEqual({ error: en.errors.delete_confirm });
    expect(await nextInterrupt(() => deleteUserAction(undefined, form({ userId, confirm: "yes" })))).toMatch(
      /^NEXT_REDIRECT;(replace|push);\/admin\/users\?deleted=1;/,
    );
    expect(await db.adminUser.count({ where: { id: userId } })).toBe(0);
    expect(await deleteUserAction(undefined, form({ userId, confirm: "yes" }))).toEqual({
      error: en.errors.user_not_found,
    });

    const rows = await db.auditLog.findMany({
      where: { target: target.user.email, actorEmail: owner.user.email },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.action, r.ip, r.details])).toEqual([
      ["user_updated", "192.0.2.63", { change: "role", from: "agent", to: "viewer", sessionsEnded: 1 }],
      ["user_updated", "192.0.2.63", { change: "disabled", sessionsEnded: 0 }],
      ["user_updated", "192.0.2.63", { change: "enabled" }],
      ["user_deleted", "192.0.2.63", { role: "viewer", sessionsEnded: 0 }],
    ]);

    // The owner's own row offers no controls; the deletion notice shows after the redirect.
    fakeRequest({ cookie: owner.cookie });
    const html = await render(UsersPage({ searchParams: Promise.resolve({ deleted: "1" }) }));
    expect(html).toContain(en.admin.users.deleted);
    expect(html).toContain(en.admin.users.ownAccount);
    expect(html).not.toContain(`aria-label="Disable ${owner.user.email}"`);
  });

  it("links the page from the console home for owners only, and refuses every other role", async () => {
    fakeRequest({ cookie: owner.cookie });
    expect(await render(AdminHome())).toContain('href="/admin/users"');
    for (const role of ["importer", "agent", "viewer"] as const) {
      const other = await signedIn(role);
      fakeRequest({ cookie: other.cookie });
      expect(await render(AdminHome())).not.toContain('href="/admin/users"');
      const email = `refused-${uniqueTag()}@example.com`;
      expect(
        await nextInterrupt(() =>
          createUserAction(undefined, form({ email, role: "owner", initialPassword: "generate" })),
        ),
      ).toBe(FORBIDDEN);
      expect(
        await nextInterrupt(() => changeRoleAction(undefined, form({ userId: other.user.id, role: "owner" }))),
      ).toBe(FORBIDDEN);
      expect(
        await nextInterrupt(() =>
          setUserDisabledAction(undefined, form({ userId: owner.user.id, disabled: "true", confirm: "yes" })),
        ),
      ).toBe(FORBIDDEN);
      expect(
        await nextInterrupt(() => deleteUserAction(undefined, form({ userId: owner.user.id, confirm: "yes" }))),
      ).toBe(FORBIDDEN);
      expect(await nextInterrupt(() => UsersPage({ searchParams: Promise.resolve({}) }))).toBe(FORBIDDEN);
      expect(await db.adminUser.count({ where: { email } })).toBe(0);
      expect(await db.adminUser.findUnique({ where: { id: other.user.id } })).toMatchObject({ role });
    }
    expect(await db.adminUser.findUnique({ where: { id: owner.user.id } })).toMatchObject({
      role: "owner",
      disabledAt: null,
    });
  });
});
