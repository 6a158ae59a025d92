import { randomUUID } from "node:crypto";
import { isAPIError } from "better-auth/api";
import QRCode from "qrcode";
import { z } from "zod";
import type { AuthDeps } from "@/lib/auth/deps";
import type { Admin, RequestMeta } from "@/lib/auth/types";
import { SubmittedPassword } from "@/lib/auth/user-schemas";
import { completeSignIn, type SignedIn } from "@/lib/auth/sign-in";
import { requireStepUp } from "@/lib/auth/step-up-window";
import { actedBy, recordAudit, type AuditCtx } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * Second factors (docs/adr/0019): TOTP with backup codes, through better-auth's twoFactor
 * plugin, called from server code only (auth.api.*). This file enrols a factor (or adds
 * TOTP for a user who has only passkeys, docs/adr/0040), completes a sign-in with one, and
 * lets an owner reset another user's.
 */

/** A TOTP code (6 digits, spaces allowed) or a backup code (5 + 5 letters and digits). */
export const FactorCode = z
  .string()
  .transform((s) => (/^[\d\s]+$/.test(s) ? s.replace(/\s/g, "") : s.trim()))
  .pipe(z.string().regex(/^(\d{6}|[A-Za-z0-9]{5}-[A-Za-z0-9]{5})$/, "errors.factor_code_format"));
const CodeInput = z.object({ code: FactorCode });
const TotpInput = z.object({ code: FactorCode.pipe(z.string().regex(/^\d{6}$/, "errors.factor_code_format")) });
const PasswordInput = z.object({ password: SubmittedPassword });

const isTotp = (code: string) => /^\d{6}$/.test(code);
/** A TOTP code is accepted in a window of ±1 step (30 s): kept as used for longer than that. */
const USED_CODE_SECONDS = 120;
/** The backup codes are shown on the page after the confirmation, within this time. */
const BACKUP_CODES_DUE_SECONDS = 600;

const apiCode = (e: unknown) => (isAPIError(e) ? (e.body as { code?: string } | undefined)?.code : undefined);
const sessionHeaders = (cookieHeader: string) => new Headers({ cookie: cookieHeader });

/** What the enrolment page shows: the QR code (an SVG made here) and the same key as text. */
export type Enrolment = { qrSvg: string; secret: string };

/**
 * Who may set up TOTP now: a user without any factor (enrolment), or a user whose factors
 * are passkeys only (docs/adr/0040), after a fresh step-up since they already have a
 * factor. Never a second TOTP key: replacing one is an owner's reset.
 */
async function mayAddTotp(deps: AuthDeps, admin: Admin): Promise<void> {
  if (!admin.secondFactor) return;
  await requireStepUp(deps, admin);
  const totp = await deps.db.adminTwoFactor.count({ where: { userId: admin.id, verified: true } });
  if (totp > 0) throw new AppError("totp_exists");
}

/**
 * Starts (or restarts) setting up TOTP (see mayAddTotp for who may). The password is
 * asked again, as better-auth requires, so that a session left open cannot be given
 * someone else's authenticator. A pending secret not yet confirmed is replaced.
 */
export async function startEnrolment(
  deps: AuthDeps,
  admin: Admin,
  input: unknown,
  cookieHeader: string,
): Promise<Enrolment> {
  const { password } = parseInput(PasswordInput, input);
  await mayAddTotp(deps, admin);
  let totpURI: string;
  try {
    ({ totpURI } = (await deps.auth.api.enableTwoFactor({
      body: { password, method: "totp" },
      headers: sessionHeaders(cookieHeader),
    })) as { totpURI: string });
  } catch (e) {
    if (apiCode(e) === "INVALID_PASSWORD")
      throw new AppError("invalid_request", { fields: { password: "errors.current_password_wrong" } });
    throw e;
  }
  const secret = new URL(totpURI).searchParams.get("secret") ?? "";
  const qrSvg = await QRCode.toString(totpURI, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { qrSvg, secret: secret.replace(/(.{4})(?=.)/g, "$1 ") };
}

/**
 * The first code confirms the factor: better-auth marks it verified and the session counts
 * as a fresh step-up. At enrolment better-auth also replaces the session (new Set-Cookie);
 * for a user who already had a passkey it keeps it (no Set-Cookie). The backup codes are not
 * returned here: they are shown once, by takeBackupCodes, on the page this leads to.
 */
export async function confirmEnrolment(
  deps: AuthDeps,
  admin: Admin,
  input: unknown,
  cookieHeader: string,
  meta: RequestMeta,
): Promise<{ setCookie: string[] }> {
  const { code } = parseInput(TotpInput, input);
  await mayAddTotp(deps, admin);
  let res;
  try {
    res = await deps.auth.api.verifyTOTP({
      body: { code },
      headers: sessionHeaders(cookieHeader),
      returnHeaders: true,
    });
  } catch (e) {
    if (apiCode(e)) throw new AppError("factor_incorrect");
    throw e;
  }
  await claimTotp(deps, admin.id, code);
  const setCookie = res.headers.getSetCookie();
  const token = sessionTokenOf(setCookie);
  const session = token
    ? await deps.db.adminSession.findUnique({ where: { token }, select: { id: true } })
    : admin.secondFactor
      ? { id: admin.sessionId }
      : null;
  if (!session) throw new Error("enrolment created no session");
  const now = deps.now();
  await deps.db.adminSession.updateMany({ where: { id: session.id }, data: { stepUpAt: now } });
  await deps.db.adminVerification.create({
    data: {
      id: randomUUID(),
      identifier: backupCodesDue(session.id),
      value: admin.id,
      expiresAt: new Date(now.getTime() + BACKUP_CODES_DUE_SECONDS * 1000),
    },
  });
  await recordAudit(deps.db, {
    actorId: admin.id,
    actorEmail: admin.email,
    action: admin.secondFactor ? "totp_added" : "factor_enrolled",
    ip: meta.ip,
  });
  return { setCookie };
}

const backupCodesDue = (sessionId: string) => `backup-codes-due:${sessionId}`;

/**
 * The backup codes, once: only in the session that just confirmed its factor, within ten
 * minutes, and only the first time asked (the marker is deleted as it is read). Null after.
 */
export async function takeBackupCodes(deps: AuthDeps, admin: Admin): Promise<string[] | null> {
  const { count } = await deps.db.adminVerification.deleteMany({
    where: { identifier: backupCodesDue(admin.sessionId), value: admin.id, expiresAt: { gt: deps.now() } },
  });
  if (count !== 1) return null;
  const res = (await deps.auth.api.viewBackupCodes({ body: { userId: admin.id } })) as { backupCodes: string[] };
  return res.backupCodes;
}

/**
 * Completes a sign-in whose password was right (the signed "two_factor" cookie names it)
 * with a TOTP or a backup code. better-auth allows 5 tries per pending sign-in and locks
 * the factor after 10 failures in a row; a TOTP code already used is refused here.
 */
export async function verifySignInCode(
  deps: AuthDeps,
  input: unknown,
  cookieHeader: string | null,
  meta: RequestMeta,
): Promise<SignedIn> {
  const { code } = parseInput(CodeInput, input);
  const headers = new Headers({ cookie: cookieHeader ?? "" });
  let res;
  try {
    res = isTotp(code)
      ? await deps.auth.api.verifyTOTP({ body: { code }, headers, returnHeaders: true })
      : await deps.auth.api.verifyBackupCode({ body: { code }, headers, returnHeaders: true });
  } catch (e) {
    const reason = apiCode(e);
    if (!reason) throw e;
    await recordAudit(deps.db, { actorEmail: "unknown", action: "sign_in_failed", details: { reason }, ip: meta.ip });
    if (reason === "ACCOUNT_TEMPORARILY_LOCKED") throw new AppError("rate_limited", { retryAfterSeconds: 900 });
    if (reason === "INVALID_CODE" || reason === "INVALID_BACKUP_CODE") throw new AppError("factor_incorrect");
    throw new AppError("sign_in_again");
  }
  const { token, user } = res.response as { token: string; user: { id: string; email: string } };
  if (isTotp(code) && !(await claimTotp(deps, user.id, code))) {
    // A replayed code: the session just made is dropped before anyone holds its cookie.
    await deps.db.adminSession.deleteMany({ where: { token } });
    throw new AppError("factor_incorrect");
  }
  return completeSignIn(
    deps,
    { email: user.email, token, setCookie: res.headers.getSetCookie() },
    meta,
    isTotp(code) ? "totp" : "backup_code",
  );
}

/**
 * Checks a code for a signed-in user (step-up): true when right and not used before.
 * A backup code is used up by it.
 */
export async function checkSessionCode(deps: AuthDeps, admin: Admin, code: string, cookieHeader: string) {
  // A key still being set up (a passkey user adding TOTP) is no factor yet: better-auth
  // would take its code here and mark it confirmed, skipping confirmEnrolment.
  const totp = await deps.db.adminTwoFactor.count({ where: { userId: admin.id, verified: true } });
  if (totp === 0) return false;
  const headers = sessionHeaders(cookieHeader);
  try {
    if (isTotp(code)) await deps.auth.api.verifyTOTP({ body: { code }, headers });
    else await deps.auth.api.verifyBackupCode({ body: { code, disableSession: true }, headers });
  } catch (e) {
    if (apiCode(e)) return false;
    throw e;
  }
  return isTotp(code) ? claimTotp(deps, admin.id, code) : true;
}

/**
 * Marks a TOTP code as used by this user for longer than it stays valid; false when it
 * already was, so a code seen over a shoulder or replayed cannot be used twice.
 */
async function claimTotp(deps: AuthDeps, userId: string, code: string): Promise<boolean> {
  const identifier = `totp-used:${deps.keyring.digest("totp-used", `${userId}\0${code}`).toString("base64url")}`;
  const now = deps.now();
  const used = await deps.db.adminVerification.findFirst({ where: { identifier, expiresAt: { gt: now } } });
  if (used) return false;
  await deps.db.adminVerification.create({
    data: {
      id: randomUUID(),
      identifier,
      value: userId,
      expiresAt: new Date(now.getTime() + USED_CODE_SECONDS * 1000),
    },
  });
  return true;
}

/** The new session token from better-auth's Set-Cookie lines (the part before its signature). */
function sessionTokenOf(setCookie: string[]): string | null {
  for (const line of setCookie) {
    const m = /^[^=]*\.session_token=([^;]*)/.exec(line);
    if (m?.[1]) return decodeURIComponent(m[1]).split(".")[0] ?? null;
  }
  return null;
}

const ResetInput = z.object({ userId: z.string().min(1).max(100) });

/**
 * An owner removes another user's second factors (a lost phone and lost backup codes, a
 * lost passkey): the TOTP factor and every passkey are deleted, every session of the user
 * ends and they enrol again at their next sign-in. Audited in the same transaction.
 */
export async function resetSecondFactor(
  db: AuthDeps["db"],
  input: unknown,
  ctx: AuditCtx,
): Promise<{ email: string; sessionsEnded: number }> {
  const { userId } = parseInput(ResetInput, input);
  if (userId === ctx.actor.id) throw new AppError("own_account");
  return db.$transaction(async (tx) => {
    const user = await tx.adminUser.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new AppError("not_found", { fields: { userId: "errors.user_not_found" } });
    await tx.adminTwoFactor.deleteMany({ where: { userId } });
    const passkeys = await tx.adminPasskey.deleteMany({ where: { userId } });
    await tx.adminUser.update({ where: { id: userId }, data: { twoFactorEnabled: false } });
    const { count } = await tx.adminSession.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      ...actedBy(ctx),
      action: "factor_reset",
      target: user.email,
      details: { sessionsEnded: count, passkeysDeleted: passkeys.count },
    });
    return { email: user.email, sessionsEnded: count };
  });
}
