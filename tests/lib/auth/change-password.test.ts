import { describe, expect, it } from "vitest";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { currentAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { memoryFailureCap, uncapped } from "@/lib/rate-limit/failure-cap";
import { uniqueTag } from "@/tests/support/unique-tag";
import { authDeps, cookieFrom, PASSWORD, signedIn, passwordSignIn, factorSignIn } from "@/tests/support/admin";
import { refusal } from "@/tests/support/refusal";

const db = getDb();
const meta = { ip: "192.0.2.30", userAgent: "vitest" };
const NEW = "a new and longer passphrase";

describe("changeOwnPassword", () => {
  it("replaces the password, ends the user's other sessions but not this one, and audits it without either password", async () => {
    const deps = authDeps();
    const here = await signedIn("agent", deps);
    const elsewhere = cookieFrom(
      (await factorSignIn(deps, { email: here.user.email, password: PASSWORD }, here.secret, { ip: "192.0.2.31" }))
        .setCookie,
    );
    const someoneElse = await signedIn("agent", deps);

    expect(
      await changeOwnPassword(
        deps,
        here.admin,
        { currentPassword: PASSWORD, newPassword: NEW, confirmPassword: NEW },
        meta,
      ),
    ).toEqual({ sessionsEnded: 1 });

    expect(await currentAdmin(deps, here.cookie)).toMatchObject({ id: here.user.id });
    expect(await currentAdmin(deps, elsewhere)).toBeNull();
    expect(await currentAdmin(deps, someoneElse.cookie)).toMatchObject({ id: someoneElse.user.id });
    expect((await refusal(() => passwordSignIn(deps, { email: here.user.email, password: PASSWORD }, meta))).code).toBe(
      "invalid_credentials",
    );
    expect((await factorSignIn(deps, { email: here.user.email, password: NEW }, here.secret, meta)).admin.id).toBe(
      here.user.id,
    );

    const entry = await db.auditLog.findFirstOrThrow({ where: { actorId: here.user.id, action: "password_changed" } });
    expect(entry).toMatchObject({ actorEmail: here.user.email, ip: "192.0.2.30", details: { sessionsEnded: 1 } });
    const stored = JSON.stringify(
      (await db.auditLog.findMany({ where: { actorId: here.user.id } })).map((e) => ({ ...e, id: String(e.id) })),
    );
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain(NEW);
  });

  it("refuses a wrong current password next to its field, changes nothing and audits the refusal", async () => {
    const deps = authDeps();
    const { admin, user } = await signedIn("viewer", deps);
    const before = await db.adminAccount.findFirstOrThrow({ where: { userId: user.id } });
    const e = await refusal(() =>
      changeOwnPassword(
        deps,
        admin,
        { currentPassword: "not my password", newPassword: NEW, confirmPassword: NEW },
        meta,
      ),
    );
    expect([e.code, e.status, e.details.fields]).toEqual([
      "invalid_request",
      400,
      { currentPassword: "errors.current_password_wrong" },
    ]);
    expect((await db.adminAccount.findFirstOrThrow({ where: { userId: user.id } })).password).toBe(before.password);
    expect(
      await db.auditLog.findFirst({ where: { actorId: user.id, action: "password_change_failed" } }),
    ).toMatchObject({ details: { reason: "wrong_password" } });
  });

  it("holds the new password to the policy, asks for it twice, and refuses the current one again, before checking anything", async () => {
    const deps = authDeps();
    const { admin, user } = await signedIn("importer", deps);
    const fields = async (input: Record<string, unknown>) =>
      (await refusal(() => changeOwnPassword(deps, admin, input, meta))).details.fields;
    expect(await fields({ currentPassword: PASSWORD, newPassword: "too short", confirmPassword: "too short" })).toEqual(
      { newPassword: "errors.password_too_short" },
    );
    expect(await fields({ currentPassword: PASSWORD, newPassword: NEW, confirmPassword: `${NEW}!` })).toEqual({
      confirmPassword: "errors.password_mismatch",
    });
    expect(await fields({ currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD })).toEqual({
      newPassword: "errors.password_unchanged",
    });
    expect(await fields({ currentPassword: "", newPassword: "x".repeat(129), confirmPassword: 7 })).toEqual({
      currentPassword: "errors.password_required",
      newPassword: "errors.password_too_long",
      confirmPassword: "errors.invalid_request",
    });
    expect(await fields({})).toMatchObject({ currentPassword: "errors.invalid_request" });
    expect(
      await db.auditLog.count({
        where: { actorId: user.id, action: { in: ["password_changed", "password_change_failed"] } },
      }),
    ).toBe(0);
  });

  it("counts attempts against sign-in's per-email limit: guessing here is guessing a sign-in", async () => {
    const deps = authDeps({
      caps: {
        signInFailPerEmail: memoryFailureCap(`pw-${uniqueTag()}`, { points: 2, seconds: 900 }),
        stepUpFailPerUser: uncapped,
      },
    });
    const { admin, user, secret } = await signedIn("owner", authDeps());
    for (const guess of ["first wrong guess", "second wrong guess"]) {
      await refusal(() =>
        changeOwnPassword(deps, admin, { currentPassword: guess, newPassword: NEW, confirmPassword: NEW }, meta),
      );
    }
    const limited = await refusal(() =>
      changeOwnPassword(deps, admin, { currentPassword: PASSWORD, newPassword: NEW, confirmPassword: NEW }, meta),
    );
    expect([limited.code, limited.status]).toEqual(["rate_limited", 429]);
    expect(
      await db.auditLog.count({
        where: { actorId: user.id, action: "password_change_failed", details: { equals: { reason: "rate_limited" } } },
      }),
    ).toBe(1);
    expect((await factorSignIn(authDeps(), { email: user.email, password: PASSWORD }, secret, meta)).admin.id).toBe(
      user.id,
    );
  });
});
