// Second factors (docs/adr/0019): a password alone gives no usable session, TOTP and
// backup codes each work once, the backup codes are shown once, and an owner's reset
// ends the user's sessions.
import { describe, expect, it } from "vitest";
import { resetSecondFactor, takeBackupCodes, verifySignInCode } from "@/lib/auth/second-factor";
import { currentAdmin, enrolmentPending } from "@/lib/auth/session";
import { signIn } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db/client";
import { authDeps, cookieFrom, enrol, makeUser, PASSWORD, passwordSignIn, signedIn } from "@/tests/support/admin";
import { refusal } from "@/tests/support/refusal";
import { freshTotp, totp } from "@/tests/support/totp";

const db = getDb();
const meta = { ip: "192.0.2.40", userAgent: "vitest" };

/** The password step for a user with a factor: no session, only the pending sign-in cookie. */
async function passwordStep(email: string) {
  const res = await signIn(authDeps(), { email, password: PASSWORD }, meta);
  expect("secondFactorPending" in res).toBe(true);
  return cookieFrom(res.setCookie.filter((c) => !/=;|Max-Age=0/.test(c)));
}

describe("second factor", () => {
  it("a password alone: no factor → only enrolment; with a factor → no session at all", async () => {
    const deps = authDeps();
    const fresh = await makeUser("owner");
    const first = await passwordSignIn(deps, { email: fresh.email, password: PASSWORD }, meta);
    expect(enrolmentPending(deps, first.admin)).toBe(true);
    expect(enrolmentPending(authDeps({ mfaRequired: false }), first.admin)).toBe(false);

    const { user } = await signedIn("owner", deps);
    const sessionsBefore = await db.adminSession.count({ where: { userId: user.id } });
    const pending = await passwordStep(user.email);
    expect(pending).not.toContain("session_token=");
    expect(pending).toContain("two_factor=");
    expect(await currentAdmin(deps, pending)).toBeNull();
    expect(await db.adminSession.count({ where: { userId: user.id } })).toBe(sessionsBefore);
  }, 60_000);

  it("completes a sign-in with a TOTP code once; the same code is refused after", async () => {
    const deps = authDeps();
    const { user, secret } = await signedIn("importer", deps);
    const code = freshTotp(secret);
    const done = await verifySignInCode(deps, { code }, await passwordStep(user.email), meta);
    expect(done.admin.id).toBe(user.id);
    expect(done.admin.secondFactor).toBe(true);
    const again = await refusal(() => passwordStep(user.email).then((c) => verifySignInCode(deps, { code }, c, meta)));
    expect([again.code, again.status]).toEqual(["factor_incorrect", 401]);
    const wrong = totp(secret, 5);
    const refused = await refusal(async () =>
      verifySignInCode(deps, { code: wrong }, await passwordStep(user.email), meta),
    );
    expect(refused.code).toBe("factor_incorrect");
    // Without the pending sign-in's cookie a right code gets nobody in.
    const orphan = await refusal(() => verifySignInCode(deps, { code: freshTotp(secret) }, null, meta));
    expect(orphan.code).toBe("sign_in_again");
  }, 60_000);

  it("shows the backup codes once, and each one signs in once", async () => {
    const deps = authDeps();
    const user = await makeUser("viewer");
    const first = await passwordSignIn(deps, { email: user.email, password: PASSWORD }, meta);
    const { admin } = await enrol(deps, first.admin, cookieFrom(first.setCookie));
    const codes = await takeBackupCodes(deps, admin);
    expect(codes).toHaveLength(10);
    expect(await takeBackupCodes(deps, admin)).toBeNull();
    const code = codes![3]!;
    const done = await verifySignInCode(deps, { code }, await passwordStep(user.email), meta);
    expect(done.admin.id).toBe(user.id);
    const again = await refusal(async () => verifySignInCode(deps, { code }, await passwordStep(user.email), meta));
    expect(again.code).toBe("factor_incorrect");
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "factor_enrolled" } })).toBe(1);
  }, 60_000);

  it("lets an owner reset another user's factor: sessions end, audited, enrolment again", async () => {
    const deps = authDeps();
    const owner = await signedIn("owner", deps);
    const target = await signedIn("agent", deps);
    const ctx = { actor: { id: owner.user.id, email: owner.user.email }, ip: meta.ip };
    const res = await resetSecondFactor(db, { userId: target.user.id }, ctx);
    expect(res).toEqual({ email: target.user.email, sessionsEnded: 1 });
    expect(await currentAdmin(deps, target.cookie)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "factor_reset", target: target.user.email } })).toBe(1);
    const next = await passwordSignIn(deps, { email: target.user.email, password: PASSWORD }, meta);
    expect(enrolmentPending(deps, next.admin)).toBe(true);
    expect((await refusal(() => resetSecondFactor(db, { userId: owner.user.id }, ctx))).code).toBe("own_account");
  }, 60_000);
});
