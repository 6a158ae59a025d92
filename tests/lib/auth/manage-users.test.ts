// Owners managing console users: creation (generated or typed password), role changes,
// disabling and deletion, the guard rails, session revocation and the audit trail.
import { describe, expect, it } from "vitest";
import { changeUserRole, createUser, deleteUser, listUsers, setUserDisabled } from "@/lib/auth/manage-users";
import { currentAdmin } from "@/lib/auth/session";
import { CLI_ACTOR, type AuditCtx } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { authDeps, PASSWORD, signedIn, passwordSignIn, factorSignIn } from "@/tests/support/admin";
import { uniqueTag } from "@/tests/support/unique-tag";
import { refusal } from "@/tests/support/refusal";

const db = getDb();
const meta = { ip: "192.0.2.50" };
const email = (what: string) => `${what}-${uniqueTag()}@example.com`;

async function ownerCtx(): Promise<AuditCtx & { cookie: string }> {
  const owner = await signedIn("owner");
  return { actor: { id: owner.user.id, email: owner.user.email }, ip: "192.0.2.51", cookie: owner.cookie };
}

const auditFor = (target: string) => db.auditLog.findMany({ where: { target }, orderBy: { id: "asc" } });

describe("creating users", () => {
  it("generates a one-time password the new user signs in with; audits without it", async () => {
    const ctx = await ownerCtx();
    const address = email("new-agent");
    const created = await createUser(
      db,
      {
        email: ` ${address.toUpperCase()} `,
        role: "agent",
        initialPassword: "generate",
        password: "ignored password here",
      },
      ctx,
    );
    expect(created).toMatchObject({ email: address, role: "agent" });
    expect(created.password).toMatch(/^[a-zA-Z2-9]{6}(-[a-zA-Z2-9]{6}){3}$/);

    const { admin } = await passwordSignIn(authDeps(), { email: address, password: created.password }, meta);
    expect(admin).toMatchObject({ email: address, role: "agent" });
    await expect(
      passwordSignIn(authDeps(), { email: address, password: "ignored password here" }, meta),
    ).rejects.toMatchObject({ code: "invalid_credentials" });

    const [entry] = await auditFor(address);
    expect(entry).toMatchObject({
      action: "user_created",
      actorEmail: ctx.actor.email,
      ip: "192.0.2.51",
      details: { role: "agent", initialPassword: "generated" },
    });
    expect(JSON.stringify({ ...entry, id: "" })).not.toContain(created.password);
    const listed = (await listUsers(db)).find((u) => u.email === address);
    expect(listed).toMatchObject({ role: "agent", name: null, disabledAt: null });
    expect(listed!.lastSignInAt).toBeInstanceOf(Date);
  }, 60_000);

  it("takes the owner's password under the CLI's policy, and refuses a taken email", async () => {
    const ctx = await ownerCtx();
    const address = email("typed");
    const short = await refusal(() =>
      createUser(db, { email: address, role: "viewer", initialPassword: "set", password: "too short" }, ctx),
    );
    expect([short.code, short.status, short.details.fields]).toEqual([
      "invalid_request",
      400,
      { password: "errors.password_too_short" },
    ]);
    const bad = await refusal(() => createUser(db, { email: "nope", role: "root", initialPassword: "maybe" }, ctx));
    expect(bad.details.fields).toMatchObject({ initialPassword: "errors.initial_password_choice" });

    const created = await createUser(
      db,
      { email: address, role: "viewer", initialPassword: "set", password: PASSWORD },
      ctx,
    );
    expect(created.password).toBeUndefined();
    await expect(passwordSignIn(authDeps(), { email: address, password: PASSWORD }, meta)).resolves.toBeDefined();
    const taken = await refusal(() =>
      createUser(db, { email: address, role: "owner", initialPassword: "generate" }, ctx),
    );
    expect([taken.code, taken.status]).toEqual(["user_exists", 409]);
    expect((await auditFor(address)).map((e) => e.details)).toEqual([
      { role: "viewer", initialPassword: "set by owner" },
    ]);
  });
});

describe("changing users", () => {
  it("changes a role: the user's sessions end and the new role applies at their next sign-in", async () => {
    const ctx = await ownerCtx();
    const target = await signedIn("importer");
    const deps = authDeps();
    expect(await currentAdmin(deps, target.cookie)).toMatchObject({ role: "importer" });

    expect(await changeUserRole(db, { userId: target.user.id, role: "viewer" }, ctx)).toEqual({
      changed: true,
      email: target.user.email,
      sessionsEnded: 1,
    });
    expect(await currentAdmin(deps, target.cookie)).toBeNull();
    expect(await db.adminSession.count({ where: { userId: target.user.id } })).toBe(0);
    const { admin } = await factorSignIn(deps, { email: target.user.email, password: PASSWORD }, target.secret, meta);
    expect(admin.role).toBe("viewer");

    // The same role again changes nothing and records nothing.
    expect((await changeUserRole(db, { userId: target.user.id, role: "viewer" }, ctx)).changed).toBe(false);
    expect((await auditFor(target.user.email)).map((e) => [e.action, e.actorEmail, e.details])).toEqual([
      ["user_created", "cli", { role: "importer" }],
      ["user_updated", ctx.actor.email, { change: "role", from: "importer", to: "viewer", sessionsEnded: 1 }],
    ]);
  });

  it("disables a user: sessions end, sign-in is refused like a wrong password; enabling lets them in again", async () => {
    const ctx = await ownerCtx();
    const target = await signedIn("agent");
    const deps = authDeps();
    expect(await setUserDisabled(db, { userId: target.user.id, disabled: "true", confirm: "yes" }, ctx)).toMatchObject({
      changed: true,
      sessionsEnded: 1,
    });
    expect(await currentAdmin(deps, target.cookie)).toBeNull();

    const refused = await refusal(() => passwordSignIn(deps, { email: target.user.email, password: PASSWORD }, meta));
    expect(refused.code).toBe("invalid_credentials");
    expect(await db.adminSession.count({ where: { userId: target.user.id } })).toBe(0);
    const failed = await db.auditLog.findFirst({ where: { action: "sign_in_failed", actorEmail: target.user.email } });
    expect(failed?.details).toEqual({ reason: "disabled" });
    expect((await listUsers(db)).find((u) => u.id === target.user.id)?.disabledAt).toBeInstanceOf(Date);

    expect((await setUserDisabled(db, { userId: target.user.id, disabled: "true", confirm: "yes" }, ctx)).changed).toBe(
      false,
    );
    expect(await setUserDisabled(db, { userId: target.user.id, disabled: "false" }, ctx)).toMatchObject({
      changed: true,
      sessionsEnded: 0,
    });
    const again = await factorSignIn(deps, { email: target.user.email, password: PASSWORD }, target.secret, meta);
    expect(again.admin.role).toBe("agent");
    expect((await auditFor(target.user.email)).slice(1).map((e) => e.details)).toEqual([
      { change: "disabled", sessionsEnded: 1 },
      { change: "enabled" },
    ]);
  });

  it("ends a disabled user's session even if one slipped through (a sign-in racing the change)", async () => {
    const target = await signedIn("viewer");
    await db.adminUser.update({ where: { id: target.user.id }, data: { disabledAt: new Date() } });
    expect(await currentAdmin(authDeps(), target.cookie)).toBeNull();
    expect(await db.adminSession.count({ where: { userId: target.user.id } })).toBe(0);
  });

  it("deletes a user with their sessions and sign-in; the audit entry keeps their email", async () => {
    const ctx = await ownerCtx();
    const target = await signedIn("importer");
    const unconfirmed = await refusal(() => deleteUser(db, { userId: target.user.id }, ctx));
    expect(unconfirmed.details.fields).toEqual({ confirm: "errors.delete_confirm" });

    expect(await deleteUser(db, { userId: target.user.id, confirm: "yes" }, ctx)).toMatchObject({
      changed: true,
      sessionsEnded: 1,
    });
    expect(await db.adminUser.count({ where: { id: target.user.id } })).toBe(0);
    expect(await db.adminAccount.count({ where: { userId: target.user.id } })).toBe(0);
    expect(await currentAdmin(authDeps(), target.cookie)).toBeNull();
    await expect(
      passwordSignIn(authDeps(), { email: target.user.email, password: PASSWORD }, meta),
    ).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    expect((await auditFor(target.user.email)).at(-1)).toMatchObject({
      action: "user_deleted",
      actorEmail: ctx.actor.email,
      details: { role: "importer", sessionsEnded: 1 },
    });

    const gone = await refusal(() => deleteUser(db, { userId: target.user.id, confirm: "yes" }, ctx));
    expect([gone.code, gone.status]).toEqual(["not_found", 404]);
  });
});

describe("guard rails", () => {
  it("refuses an owner's own demotion, disabling and deletion, changing nothing", async () => {
    const ctx = await ownerCtx();
    const userId = ctx.actor.id!;
    for (const run of [
      () => changeUserRole(db, { userId, role: "viewer" }, ctx),
      () => setUserDisabled(db, { userId, disabled: "true", confirm: "yes" }, ctx),
      () => deleteUser(db, { userId, confirm: "yes" }, ctx),
    ]) {
      const e = await refusal(run);
      expect([e.code, e.status]).toEqual(["own_account", 409]);
    }
    expect(await db.adminUser.findUnique({ where: { id: userId } })).toMatchObject({ role: "owner", disabledAt: null });
    expect(await currentAdmin(authDeps(), ctx.cookie)).toMatchObject({ role: "owner" });
    expect((await auditFor(ctx.actor.email)).map((e) => e.action)).toEqual(["user_created"]);
  });

  it("never demotes, disables or deletes the last active owner", async () => {
    const last = await signedIn("owner");
    const others = await db.adminUser.findMany({
      where: { role: "owner", disabledAt: null, id: { not: last.user.id } },
      select: { id: true },
    });
    const ids = others.map((o) => o.id);
    // Only in this test: every other owner of the shared test database steps aside.
    await db.adminUser.updateMany({ where: { id: { in: ids } }, data: { disabledAt: new Date() } });
    try {
      const userId = last.user.id;
      for (const run of [
        () => changeUserRole(db, { userId, role: "importer" }, { actor: CLI_ACTOR }),
        () => setUserDisabled(db, { userId, disabled: "true", confirm: "yes" }, { actor: CLI_ACTOR }),
        () => deleteUser(db, { userId, confirm: "yes" }, { actor: CLI_ACTOR }),
      ]) {
        const e = await refusal(run);
        expect([e.code, e.status]).toEqual(["last_owner", 409]);
      }
      expect(await currentAdmin(authDeps(), last.cookie)).toMatchObject({ role: "owner" });
    } finally {
      await db.adminUser.updateMany({ where: { id: { in: ids } }, data: { disabledAt: null } });
    }
  });

  it("lets only one of two owners demoting each other at once succeed", async () => {
    const [a, b] = [await ownerCtx(), await ownerCtx()];
    const results = await Promise.allSettled([
      changeUserRole(db, { userId: b.actor.id, role: "viewer" }, a),
      changeUserRole(db, { userId: a.actor.id, role: "viewer" }, b),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "forbidden" });
    const roles = await db.adminUser.findMany({
      where: { id: { in: [a.actor.id!, b.actor.id!] } },
      select: { role: true },
    });
    expect(roles.map((r) => r.role).sort()).toEqual(["owner", "viewer"]);
  });

  it("refuses an actor who is not an active owner, and an unknown user", async () => {
    const agent = await signedIn("agent");
    const target = await signedIn("viewer");
    const e = await refusal(() =>
      changeUserRole(
        db,
        { userId: target.user.id, role: "owner" },
        { actor: { id: agent.user.id, email: agent.user.email } },
      ),
    );
    expect([e.code, e.status]).toEqual(["forbidden", 403]);
    expect(await db.adminUser.findUnique({ where: { id: target.user.id } })).toMatchObject({ role: "viewer" });
    const ctx = await ownerCtx();
    expect(
      (await refusal(() => setUserDisabled(db, { userId: "no-such-user", disabled: "true", confirm: "yes" }, ctx)))
        .code,
    ).toBe("not_found");
    expect(
      (await refusal(() => changeUserRole(db, { userId: target.user.id, role: "root" }, ctx))).details.fields,
    ).toEqual({ role: "errors.role_invalid" });
  });
});
