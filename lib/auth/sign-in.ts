import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { CLIENT_IP_HEADER, USER_DISABLED } from "@/lib/auth/auth";
import type { AuthDeps } from "@/lib/auth/deps";
import type { Admin, RequestMeta } from "@/lib/auth/types";
import { Email, MAX_PASSWORD_LENGTH, SubmittedPassword } from "@/lib/auth/user-schemas";
import { isRole } from "@/lib/auth/permissions";
import { currentAdmin } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isAppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";

export const SignInInput = z.object({
  email: Email,
  // Longer than any valid password is simply wrong (below).
  password: SubmittedPassword,
});

export type SignedIn = { admin: Admin; setCookie: string[] };

/**
 * Email and password → a session. Limits per client IP and per email come first; a
 * wrong password, an unknown email and a disabled user give the same invalid_credentials
 * error (and better-auth hashes in every case, so they take as long) and are all audited.
 */
export async function signIn(deps: AuthDeps, input: unknown, meta: RequestMeta): Promise<SignedIn> {
  const { email, password } = parseInput(SignInInput, input);
  const failed = (reason: string) =>
    recordAudit(deps.db, { actorEmail: email, action: "sign_in_failed", details: { reason }, ip: meta.ip });
  await countPasswordAttempt(deps, email, meta.ip, failed);
  if (password.length > MAX_PASSWORD_LENGTH) {
    await failed("invalid_credentials");
    throw new AppError("invalid_credentials");
  }
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
    await failed(
      (e.body as { code?: unknown } | undefined)?.code === USER_DISABLED ? "disabled" : "invalid_credentials",
    );
    throw new AppError("invalid_credentials");
  }
  const user = res.response.user;
  const session = await deps.db.adminSession.findUnique({ where: { token: res.response.token } });
  if (!session || !isRole(user.role)) throw new Error("sign-in created no usable session");
  await deps.db.adminUser.updateMany({ where: { id: user.id }, data: { lastSignInAt: session.createdAt } });
  await recordAudit(deps.db, { actorId: user.id, actorEmail: user.email, action: "sign_in", ip: meta.ip });
  return {
    admin: {
      id: user.id,
      email: user.email,
      role: user.role,
      sessionId: session.id,
      expiresAt: session.expiresAt,
      mustChangePassword: user.mustChangePassword === true,
    },
    setCookie: res.headers.getSetCookie(),
  };
}

/**
 * Counts an attempt to prove an email's password (a sign-in, a password change) against
 * sign-in's limits, per client IP and per email (keyed by a digest, never the email);
 * past either, `refused("rate_limited")` audits it and the 429 is thrown.
 */
export async function countPasswordAttempt(
  deps: Pick<AuthDeps, "limits" | "keyring">,
  email: string,
  ip: string,
  refused: (reason: string) => Promise<void>,
): Promise<void> {
  try {
    await deps.limits.signInPerIp.consume(ip);
    await deps.limits.signInPerEmail.consume(deps.keyring.digest("sign-in-email", email).toString("base64url"));
  } catch (e) {
    if (isAppError(e) && e.code === "rate_limited") await refused("rate_limited");
    throw e;
  }
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
