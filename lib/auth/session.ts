import type { AuthDeps } from "@/lib/auth/deps";
import type { Admin } from "@/lib/auth/types";
import { can, isRole, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/** How often a used session's last-seen time is written (not on every request). */
const TOUCH_EVERY_MS = 60_000;

/**
 * The console user behind a request's Cookie header, or null. better-auth checks the
 * cookie's signature and the session's fixed expiry; the idle timeout is checked here
 * against updated_at, which each use moves forward. An idle or expired session, or a
 * disabled user's, is deleted. The role is read from the user row on every request.
 */
export async function currentAdmin(deps: AuthDeps, cookieHeader: string | null | undefined): Promise<Admin | null> {
  if (!cookieHeader || !cookieHeader.includes(".session_token=")) return null;
  const found = await deps.auth.api.getSession({
    headers: new Headers({ cookie: cookieHeader }),
    query: { disableCookieCache: true, disableRefresh: true },
  });
  if (!found) return null;
  const { session, user } = found;
  const now = deps.now().getTime();
  const expiresAt = new Date(session.expiresAt);
  const lastSeen = new Date(session.updatedAt).getTime();
  // A disabled user's sessions are deleted when they are disabled; this also ends one
  // created by a sign-in that raced with it.
  const disabled = user.disabledAt != null;
  if (now >= expiresAt.getTime() || now - lastSeen > deps.idleSeconds * 1000 || !isRole(user.role) || disabled) {
    await deps.db.adminSession.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now - lastSeen > TOUCH_EVERY_MS) {
    await deps.db.adminSession.updateMany({ where: { id: session.id }, data: { updatedAt: new Date(now) } });
  }
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    sessionId: session.id,
    expiresAt,
    mustChangePassword: user.mustChangePassword === true,
    secondFactor: user.twoFactorEnabled === true,
  };
}

/**
 * The first-sign-in gate: a user holding a generated one-time password may only change
 * it (/admin/account) or sign out until they do. One small check, beside any other gate
 * a session must pass; pages and actions apply it through lib/auth/next.ts, API routes
 * through authorizeAdmin.
 */
export function passwordChangePending(admin: Admin): boolean {
  return admin.mustChangePassword;
}

/**
 * The enrolment gate (docs/adr/0019): under ADMIN_MFA=required a user without a second
 * factor may only enrol one (/admin/enroll) or sign out. A user who has one never gets
 * a session before its code (better-auth's twoFactor plugin), so no gate is needed there.
 */
export function enrolmentPending(deps: Pick<AuthDeps, "mfaRequired">, admin: Admin): boolean {
  return deps.mfaRequired && !admin.secondFactor;
}

/**
 * The console user behind a request's Cookie header if their role has the permission:
 * 401 (unauthorized) without a valid session, 403 (forbidden) for a role without it,
 * 403 (second_factor_required) until a second factor is enrolled and 403
 * (password_change_required) until a generated password is changed.
 */
export async function authorizeAdmin(
  deps: AuthDeps,
  cookieHeader: string | null | undefined,
  permission: Permission,
): Promise<Admin> {
  const admin = await currentAdmin(deps, cookieHeader);
  if (!admin) throw new AppError("unauthorized");
  if (enrolmentPending(deps, admin)) throw new AppError("second_factor_required");
  if (passwordChangePending(admin)) throw new AppError("password_change_required");
  if (!can(admin.role, permission)) throw new AppError("forbidden");
  return admin;
}
