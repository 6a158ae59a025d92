import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { CLIENT_IP_HEADER, USER_DISABLED } from "@/lib/auth/auth";
import type { AuthDeps } from "@/lib/auth/deps";
import type { Admin, RequestMeta } from "@/lib/auth/types";
import { Email, MAX_PASSWORD_LENGTH, SubmittedPassword } from "@/lib/auth/user-schemas";
import { isRole } from "@/lib/auth/permissions";
import { currentAdmin } from "@/lib/auth/session";
import { isKnownDevice, knownDeviceCookie } from "@/lib/auth/known-device";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isAppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";

export const SignInInput = z.object({
  email: Email,
  // Longer than any valid password is simply wrong (below).
  password: SubmittedPassword,
});

export type SignedIn = { admin: Admin; setCookie: string[] };
/** The password was right and the user has a second factor: no session until its code. */
export type FactorPending = { secondFactorPending: true; setCookie: string[] };

/** The per-email limit's key: a keyed digest, never the email. */
export function emailKey(deps: Pick<AuthDeps, "keyring">, email: string): string {
  return deps.keyring.digest("sign-in-email", email).toString("base64url");
}

/**
 * Email and password → a session, or (for a user with a second factor) a pending sign-in
 * that only lib/auth/second-factor.ts's verifySignInCode completes. The per-IP limit comes
 * first; the per-email limit counts failures only and spares a known device
 * (lib/auth/known-device.ts). A wrong password, an unknown email, a disabled user and an
 * email locked by its failures give the same invalid_credentials error, each after one
 * password hash, and are all audited.
 */
export async function signIn(
  deps: AuthDeps,
  input: unknown,
  meta: RequestMeta,
  cookieHeader?: string | null,
): Promise<SignedIn | FactorPending> {
  const { email, password } = parseInput(SignInInput, input);
  const failed = (reason: string) =>
    recordAudit(deps.db, { actorEmail: email, action: "sign_in_failed", details: { reason }, ip: meta.ip });
  await countIpAttempt(deps, meta.ip, failed);
  const key = emailKey(deps, email);
  if (!isKnownDevice(deps.deviceKey, key, cookieHeader, deps.now())) {
    try {
      await deps.caps.signInFailPerEmail.check(key);
    } catch (e) {
      if (!isAppError(e) || e.code !== "rate_limited") throw e;
      // Locked by failures: the same work and answer as a wrong password, so a stranger
      // cannot tell a lock from a miss (and the owner's known device is not locked).
      await hashPassword(password.slice(0, MAX_PASSWORD_LENGTH));
      await failed("rate_limited");
      throw new AppError("invalid_credentials");
    }
  }
  const wrong = async (reason: string) => {
    await deps.caps.signInFailPerEmail.fail(key);
    await failed(reason);
    return new AppError("invalid_credentials");
  };
  if (password.length > MAX_PASSWORD_LENGTH) throw await wrong("invalid_credentials");
  let res;
  try {
    res = await deps.auth.api.signInEmail({
      body: { email, password, rememberMe: true },
      headers: requestHeaders(meta),
      returnHeaders: true,
    });
  } catch (e) {
    // Not instanceof: bundlers can load two copies of better-auth's error class.
    if (!isAPIError(e)) throw e;
    // A disabled user (refused by the session hook in lib/auth/auth.ts, after the password
    // check) gets the same answer as a wrong password; the audit log tells them apart.
    throw await wrong(
      (e.body as { code?: unknown } | undefined)?.code === USER_DISABLED ? "disabled" : "invalid_credentials",
    );
  }
  const body = res.response as { twoFactorRedirect?: boolean; token?: string; user?: { id: string } };
  if (body.twoFactorRedirect) {
    // better-auth deleted the session it made and set its signed "two_factor" cookie.
    await recordAudit(deps.db, { actorEmail: email, action: "sign_in_password_ok", ip: meta.ip });
    return { secondFactorPending: true, setCookie: res.headers.getSetCookie() };
  }
  if (!body.token) throw new Error("sign-in created no session");
  return completeSignIn(deps, { email, token: body.token, setCookie: res.headers.getSetCookie() }, meta, null);
}

/**
 * The end of every successful sign-in (with or without a second factor): the session as
 * an Admin, the user's last sign-in time, the audit entry, the per-email failures cleared
 * and this device marked as known. `factor` is the second factor just confirmed, which
 * also counts as a step-up (lib/auth/step-up.ts).
 */
export async function completeSignIn(
  deps: AuthDeps,
  done: { email: string; token: string; setCookie: string[] },
  meta: RequestMeta,
  factor: "totp" | "backup_code" | "passkey" | null,
): Promise<SignedIn> {
  const session = await deps.db.adminSession.findUnique({
    where: { token: done.token },
    include: { user: true },
  });
  if (!session || !isRole(session.user.role)) throw new Error("sign-in created no usable session");
  const { user } = session;
  const now = deps.now();
  if (factor) await deps.db.adminSession.updateMany({ where: { id: session.id }, data: { stepUpAt: now } });
  await deps.db.adminUser.updateMany({ where: { id: user.id }, data: { lastSignInAt: session.createdAt } });
  await recordAudit(deps.db, {
    actorId: user.id,
    actorEmail: user.email,
    action: "sign_in",
    details: factor ? { factor } : {},
    ip: meta.ip,
  });
  const key = emailKey(deps, user.email);
  await deps.caps.signInFailPerEmail.reset(key);
  return {
    admin: {
      id: user.id,
      email: user.email,
      role: user.role,
      sessionId: session.id,
      expiresAt: session.expiresAt,
      mustChangePassword: user.mustChangePassword,
      secondFactor: user.twoFactorEnabled,
    },
    setCookie: [...done.setCookie, knownDeviceCookie(deps.deviceKey, key, now, deps.secureCookies)],
  };
}

/** Counts an attempt against the per-IP sign-in limit; past it, audited and 429. */
async function countIpAttempt(deps: Pick<AuthDeps, "limits">, ip: string, refused: (r: string) => Promise<void>) {
  try {
    await deps.limits.signInPerIp.consume(ip);
  } catch (e) {
    if (isAppError(e) && e.code === "rate_limited") await refused("rate_limited");
    throw e;
  }
}

/**
 * Guards a signed-in user's password check (a password change) with sign-in's limits:
 * the per-IP limit, and the per-email failures (a 429 once they are used up). The caller
 * reports a wrong password with `passwordFailed`.
 */
export async function countPasswordAttempt(
  deps: Pick<AuthDeps, "limits" | "caps" | "keyring">,
  email: string,
  ip: string,
  refused: (reason: string) => Promise<void>,
): Promise<{ passwordFailed: () => Promise<void> }> {
  await countIpAttempt(deps, ip, refused);
  const key = emailKey(deps, email);
  try {
    await deps.caps.signInFailPerEmail.check(key);
  } catch (e) {
    if (isAppError(e) && e.code === "rate_limited") await refused("rate_limited");
    throw e;
  }
  return { passwordFailed: () => deps.caps.signInFailPerEmail.fail(key) };
}

/**
 * Ends the request's session server-side (the row is deleted, so the cookie is worthless
 * even if kept) and returns the Set-Cookie headers that clear it in the browser.
 */
export async function signOut(
  deps: AuthDeps,
  cookieHeader: string | null | undefined,
  meta: RequestMeta,
): Promise<string[]> {
  const admin = await currentAdmin(deps, cookieHeader);
  if (!admin) throw new AppError("unauthorized");
  const res = await deps.auth.api.signOut({ headers: new Headers({ cookie: cookieHeader! }), returnHeaders: true });
  await deps.db.adminSession.deleteMany({ where: { id: admin.sessionId } });
  await recordAudit(deps.db, { actorId: admin.id, actorEmail: admin.email, action: "sign_out", ip: meta.ip });
  return res.headers.getSetCookie();
}

function requestHeaders(meta: RequestMeta): Headers {
  const h = new Headers({ [CLIENT_IP_HEADER]: meta.ip });
  if (meta.userAgent) h.set("user-agent", meta.userAgent.slice(0, 512));
  return h;
}
