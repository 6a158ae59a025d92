// Passkeys (docs/adr/0038) with a software authenticator (tests/support/webauthn.ts):
// enrolment with one (the password again), sign-in's second step with one (only the user
// whose password was right, once), step-up with one (no extra session left), removal
// (never the last factor) and an owner's reset. And a user with passkeys only adding TOTP
// with its backup codes (docs/adr/0040).
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  confirmStepUpPasskey,
  pendingSignIn,
  signInPasskeyOptions,
  stepUpPasskeyOptions,
  verifySignInPasskey,
} from "@/lib/auth/passkey-factor";
import { factorsOf, passkeyRegistrationOptions, registerPasskey, removePasskey } from "@/lib/auth/passkeys";
import {
  confirmEnrolment,
  resetSecondFactor,
  startEnrolment,
  takeBackupCodes,
  verifySignInCode,
} from "@/lib/auth/second-factor";
import { confirmStepUp } from "@/lib/auth/step-up";
import { currentAdmin } from "@/lib/auth/session";
import { signIn } from "@/lib/auth/sign-in";
import type { Admin } from "@/lib/auth/types";
import type { AuthDeps } from "@/lib/auth/deps";
import { getDb } from "@/lib/db/client";
import {
  authDeps,
  cookieFrom,
  makeUser,
  PASSWORD,
  passwordSignIn,
  signedIn,
  TEST_PUBLIC_URL,
} from "@/tests/support/admin";
import { refusal } from "@/tests/support/refusal";
import { freshTotp } from "@/tests/support/totp";
import { SoftPasskey } from "@/tests/support/webauthn";

const db = getDb();
const meta = { ip: "192.0.2.42", userAgent: "vitest" };

/** Registers a new software passkey for a signed-in user, as the enrolment or account page does. */
async function addPasskey(deps: AuthDeps, admin: Admin, cookie: string, name = "Laptop") {
  const passkey = new SoftPasskey(TEST_PUBLIC_URL);
  const { options, handle } = await passkeyRegistrationOptions(deps, admin, { password: PASSWORD }, cookie, meta);
  const res = await registerPasskey(deps, admin, { name, response: passkey.register(options), handle }, cookie, meta);
  return { passkey, ...res };
}

/** A new user who enrolled with a passkey only. */
async function passkeyUser(deps: AuthDeps) {
  const user = await makeUser("importer");
  const first = await passwordSignIn(deps, { email: user.email, password: PASSWORD }, meta);
  const cookie = cookieFrom(first.setCookie);
  const { passkey, enrolled } = await addPasskey(deps, first.admin, cookie);
  expect(enrolled).toBe(true);
  const admin = (await currentAdmin(deps, cookie))!;
  return { user, admin, cookie, passkey };
}

/** The password step: only the pending sign-in's cookie. */
async function passwordStep(deps: AuthDeps, email: string) {
  const res = await signIn(deps, { email, password: PASSWORD }, meta);
  expect("secondFactorPending" in res).toBe(true);
  return cookieFrom(res.setCookie.filter((c) => !/=;|Max-Age=0/.test(c)));
}

describe("passkeys", () => {
  it("enrol a user: the password again, then the passkey is their factor and a fresh step-up", async () => {
    const deps = authDeps();
    const user = await makeUser("viewer");
    const first = await passwordSignIn(deps, { email: user.email, password: PASSWORD }, meta);
    const cookie = cookieFrom(first.setCookie);
    const wrong = await refusal(() =>
      passkeyRegistrationOptions(deps, first.admin, { password: "not my password at all" }, cookie, meta),
    );
    expect(wrong.details.fields).toEqual({ password: "errors.current_password_wrong" });

    const { enrolled } = await addPasskey(deps, first.admin, cookie, "Work laptop");
    expect(enrolled).toBe(true);
    const admin = await currentAdmin(deps, cookie);
    expect(admin?.secondFactor).toBe(true);
    expect(await factorsOf(db, user.id)).toEqual({ totp: false, passkey: true });
    const session = await db.adminSession.findUnique({ where: { id: admin!.sessionId } });
    expect(session?.stepUpAt).not.toBeNull();
    const entry = await db.auditLog.findFirst({ where: { actorId: user.id, action: "factor_enrolled" } });
    expect([entry?.target, entry?.details]).toEqual(["Work laptop", { factor: "passkey" }]);
  }, 60_000);

  it("refuses a registration whose challenge was not issued, or is used a second time", async () => {
    const deps = authDeps();
    const { admin, cookie } = await passkeyUser(deps);
    const passkey = new SoftPasskey(TEST_PUBLIC_URL);
    const { options, handle } = await passkeyRegistrationOptions(deps, admin, {}, cookie, meta);
    const response = passkey.register(options);
    const forged = await refusal(() =>
      registerPasskey(deps, admin, { name: "Key", response, handle: `${"x".repeat(32)}.sig` }, cookie, meta),
    );
    expect(forged.code).toBe("passkey_failed");
    await registerPasskey(deps, admin, { name: "Key", response, handle }, cookie, meta);
    const replay = await refusal(() => registerPasskey(deps, admin, { name: "Key", response, handle }, cookie, meta));
    expect(replay.code).toBe("passkey_failed");
  }, 60_000);

  it("completes a sign-in with the password, then the passkey, as a TOTP code does", async () => {
    const deps = authDeps();
    const { user, passkey } = await passkeyUser(deps);
    const pending = await passwordStep(deps, user.email);
    const { options, handle } = await signInPasskeyOptions(deps, pending);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([passkey.id.toString("base64url")]);
    const done = await verifySignInPasskey(deps, { response: passkey.assert(options), handle }, pending, meta);
    expect(done.admin.id).toBe(user.id);
    expect(done.admin.secondFactor).toBe(true);
    expect(done.setCookie.some((c) => c.includes(".session_token="))).toBe(true);
    expect(done.setCookie.some((c) => c.includes(".known_device="))).toBe(true);
    expect(done.setCookie.some((c) => /\.two_factor=; Max-Age=0/.test(c))).toBe(true);
    const current = await currentAdmin(deps, cookieFrom(done.setCookie.filter((c) => c.includes(".session_token="))));
    expect(current?.id).toBe(user.id);
    // The last sign-in (the first was the password alone, before enrolment).
    const entry = await db.auditLog.findFirst({
      where: { actorId: user.id, action: "sign_in" },
      orderBy: { id: "desc" },
    });
    expect(entry?.details).toEqual({ factor: "passkey" });
    const session = await db.adminSession.findUnique({ where: { id: done.admin.sessionId } });
    expect(session?.stepUpAt).not.toBeNull();

    // The pending sign-in is used up: the same cookie gets nobody in again.
    const again = await refusal(() => signInPasskeyOptions(deps, pending));
    expect(again.code).toBe("sign_in_again");
    // Without a password first, a passkey gets nobody in.
    expect((await refusal(() => signInPasskeyOptions(deps, null))).code).toBe("sign_in_again");
  }, 60_000);

  it("refuses a pending sign-in whose signed cookie was forged or tampered with", async () => {
    const deps = authDeps();
    const alice = await passkeyUser(deps);
    const bob = await passkeyUser(deps);
    // The two_factor cookie's value, "identifier.signature", split at its last dot.
    const signed = async (email: string) => {
      const pending = (await passwordStep(deps, email)).split("; ").find((c) => c.includes(".two_factor="))!;
      return decodeURIComponent(pending.slice(pending.indexOf("=") + 1)).split(/\.(?=[^.]*$)/) as [string, string];
    };
    const [aliceId, aliceSig] = await signed(alice.user.email);
    const [bobId] = await signed(bob.user.email);
    const cookie = (v: string) => `exposure-admin.two_factor=${encodeURIComponent(v)}`;
    // The genuine cookie names Alice's pending sign-in: the forgeries below differ only in signature.
    expect(await pendingSignIn(deps, cookie(`${aliceId}.${aliceSig}`))).toEqual({
      identifier: aliceId,
      userId: alice.user.id,
    });
    const otherKey = createHmac("sha256", "not the auth secret").update(bobId).digest("base64");
    const flipped = `${aliceSig[0] === "A" ? "B" : "A"}${aliceSig.slice(1)}`;
    for (const forged of [`${bobId}.${aliceSig}`, `${bobId}.${otherKey}`, bobId, `${aliceId}.${flipped}`]) {
      expect(await pendingSignIn(deps, cookie(forged))).toBeNull();
      expect((await refusal(() => signInPasskeyOptions(deps, cookie(forged)))).code).toBe("sign_in_again");
    }
  }, 60_000);

  it("keeps no session when the passkey is another user's than the password's", async () => {
    const deps = authDeps();
    const alice = await passkeyUser(deps);
    const bob = await passkeyUser(deps);
    const pending = await passwordStep(deps, alice.user.email);
    const { options, handle } = await signInPasskeyOptions(deps, pending);
    const bobSessions = await db.adminSession.count({ where: { userId: bob.user.id } });
    const refused = await refusal(() =>
      verifySignInPasskey(deps, { response: bob.passkey.assert(options), handle }, pending, meta),
    );
    expect([refused.code, refused.status]).toEqual(["passkey_failed", 401]);
    expect(await db.adminSession.count({ where: { userId: bob.user.id } })).toBe(bobSessions);
    expect(
      await db.auditLog.count({
        where: { action: "sign_in_failed", details: { path: ["reason"], equals: "passkey_other_user" } },
      }),
    ).toBeGreaterThan(0);
  }, 60_000);

  it("confirms a step-up with the user's passkey and leaves no other session behind", async () => {
    const deps = authDeps();
    const { user, admin, passkey } = await passkeyUser(deps);
    const other = await passkeyUser(deps);
    await db.adminSession.updateMany({ where: { id: admin.sessionId }, data: { stepUpAt: null } });
    const sessions = await db.adminSession.count({ where: { userId: user.id } });

    const first = await stepUpPasskeyOptions(deps, admin);
    const wrong = await refusal(() =>
      confirmStepUpPasskey(deps, admin, { response: other.passkey.assert(first.options), handle: first.handle }, meta),
    );
    expect(wrong.code).toBe("passkey_failed");

    const { options, handle } = await stepUpPasskeyOptions(deps, admin);
    await confirmStepUpPasskey(deps, admin, { response: passkey.assert(options), handle }, meta);
    const session = await db.adminSession.findUnique({ where: { id: admin.sessionId } });
    expect(session?.stepUpAt).not.toBeNull();
    expect(await db.adminSession.count({ where: { userId: user.id } })).toBe(sessions);
    const entry = await db.auditLog.findFirst({ where: { actorId: user.id, action: "step_up" } });
    expect(entry?.details).toEqual({ factor: "passkey" });
  }, 60_000);

  it("tells a TOTP user without a passkey to use a code", async () => {
    const deps = authDeps();
    const { admin } = await signedIn("agent", deps);
    expect((await refusal(() => stepUpPasskeyOptions(deps, admin))).code).toBe("passkey_none");
  }, 60_000);

  it("removes a passkey after adding another, never the last factor", async () => {
    const deps = authDeps();
    const { user, admin, cookie } = await passkeyUser(deps);
    const [only] = await db.adminPasskey.findMany({ where: { userId: user.id } });
    const last = await refusal(() => removePasskey(deps, admin, { id: only!.id }, meta));
    expect([last.code, last.status]).toEqual(["last_factor", 409]);

    const { enrolled } = await addPasskey(deps, admin, cookie, "Security key");
    expect(enrolled).toBe(false);
    expect(await removePasskey(deps, admin, { id: only!.id }, meta)).toEqual({ name: "Laptop" });
    expect(await db.adminPasskey.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "passkey_removed" } })).toBe(1);
    // Someone else's passkey is not found, whatever its id.
    const other = await passkeyUser(deps);
    const [theirs] = await db.adminPasskey.findMany({ where: { userId: other.user.id } });
    expect((await refusal(() => removePasskey(deps, admin, { id: theirs!.id }, meta))).code).toBe("not_found");
  }, 60_000);

  it("asks a user with a factor for a fresh step-up before adding a passkey", async () => {
    const deps = authDeps();
    const { admin, cookie } = await passkeyUser(deps);
    await db.adminSession.updateMany({ where: { id: admin.sessionId }, data: { stepUpAt: null } });
    const asked = await refusal(() => passkeyRegistrationOptions(deps, admin, { password: PASSWORD }, cookie, meta));
    expect(asked.code).toBe("step_up_required");
  }, 60_000);

  it("deletes the passkeys with an owner's reset of the user's factors", async () => {
    const deps = authDeps();
    const owner = await signedIn("owner", deps);
    const { user } = await passkeyUser(deps);
    const ctx = { actor: { id: owner.user.id, email: owner.user.email }, ip: meta.ip };
    await resetSecondFactor(db, { userId: user.id }, ctx);
    expect(await db.adminPasskey.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.adminUser.findUnique({ where: { id: user.id } }))?.twoFactorEnabled).toBe(false);
    const entry = await db.auditLog.findFirst({ where: { action: "factor_reset", target: user.email } });
    expect(entry?.details).toMatchObject({ passkeysDeleted: 1 });
  }, 60_000);
});

describe("adding TOTP after passkeys (docs/adr/0040)", () => {
  it("refuses without a fresh step-up, at either step", async () => {
    const deps = authDeps();
    const { user, admin, cookie } = await passkeyUser(deps);
    const { secret } = await startEnrolment(deps, admin, { password: PASSWORD }, cookie);
    await db.adminSession.updateMany({ where: { id: admin.sessionId }, data: { stepUpAt: null } });
    const start = await refusal(() => startEnrolment(deps, admin, { password: PASSWORD }, cookie));
    expect(start.code).toBe("step_up_required");
    const confirm = await refusal(() => confirmEnrolment(deps, admin, { code: freshTotp(secret) }, cookie, meta));
    expect(confirm.code).toBe("step_up_required");
    expect(await factorsOf(db, user.id)).toEqual({ totp: false, passkey: true });
  }, 60_000);

  it("adds TOTP for a passkey-only user: both factors sign in, backup codes shown once, each works once", async () => {
    const deps = authDeps();
    const { user, admin, cookie, passkey } = await passkeyUser(deps);
    const wrong = await refusal(() => startEnrolment(deps, admin, { password: "not my password at all" }, cookie));
    expect(wrong.details.fields).toEqual({ password: "errors.current_password_wrong" });
    const { secret, qrSvg } = await startEnrolment(deps, admin, { password: PASSWORD }, cookie);
    expect(qrSvg).toMatch(/^<svg/);
    // Not a factor until confirmed: the sign-in offers the passkey only.
    expect(await factorsOf(db, user.id)).toEqual({ totp: false, passkey: true });
    const bad = await refusal(() => confirmEnrolment(deps, admin, { code: "000000" }, cookie, meta));
    expect(bad.code).toBe("factor_incorrect");

    const { setCookie } = await confirmEnrolment(deps, admin, { code: freshTotp(secret) }, cookie, meta);
    // The session goes on (better-auth replaces it only for a user's first factor).
    expect(setCookie.some((c) => c.includes(".session_token="))).toBe(false);
    expect((await currentAdmin(deps, cookie))?.id).toBe(user.id);
    expect(await factorsOf(db, user.id)).toEqual({ totp: true, passkey: true });
    const entry = await db.auditLog.findFirst({ where: { actorId: user.id, action: "totp_added" } });
    expect(entry).not.toBeNull();

    const codes = await takeBackupCodes(deps, admin);
    expect(codes).toHaveLength(10);
    expect(await takeBackupCodes(deps, admin)).toBeNull();
    const code = codes![2]!;
    const done = await verifySignInCode(deps, { code }, await passwordStep(deps, user.email), meta);
    expect(done.admin.id).toBe(user.id);
    const again = await refusal(async () =>
      verifySignInCode(deps, { code }, await passwordStep(deps, user.email), meta),
    );
    expect(again.code).toBe("factor_incorrect");
    // The app's codes sign in, and the passkey still does.
    const withTotp = await verifySignInCode(
      deps,
      { code: freshTotp(secret) },
      await passwordStep(deps, user.email),
      meta,
    );
    expect(withTotp.admin.id).toBe(user.id);
    const pending = await passwordStep(deps, user.email);
    const { options, handle } = await signInPasskeyOptions(deps, pending);
    const viaPasskey = await verifySignInPasskey(deps, { response: passkey.assert(options), handle }, pending, meta);
    expect(viaPasskey.admin.id).toBe(user.id);
  }, 90_000);

  it("refuses when TOTP is set already (replacing it is an owner's reset)", async () => {
    const deps = authDeps();
    const { admin, cookie } = await signedIn("viewer", deps);
    const refused = await refusal(() => startEnrolment(deps, admin, { password: PASSWORD }, cookie));
    expect([refused.code, refused.status]).toEqual(["totp_exists", 409]);
    expect((await refusal(() => confirmEnrolment(deps, admin, { code: "123456" }, cookie, meta))).code).toBe(
      "totp_exists",
    );
    const { admin: both, cookie: bothCookie } = await passkeyUser(deps);
    const { secret } = await startEnrolment(deps, both, { password: PASSWORD }, bothCookie);
    await confirmEnrolment(deps, both, { code: freshTotp(secret) }, bothCookie, meta);
    const twice = await refusal(() => startEnrolment(deps, both, { password: PASSWORD }, bothCookie));
    expect(twice.code).toBe("totp_exists");
  }, 90_000);

  it("takes no step-up code from a key still being set up", async () => {
    const deps = authDeps();
    const { user, admin, cookie } = await passkeyUser(deps);
    const { secret } = await startEnrolment(deps, admin, { password: PASSWORD }, cookie);
    const refused = await refusal(() => confirmStepUp(deps, admin, { code: freshTotp(secret) }, cookie, meta));
    expect(refused.code).toBe("factor_incorrect");
    expect(await db.adminTwoFactor.count({ where: { userId: user.id, verified: true } })).toBe(0);
  }, 60_000);
});
