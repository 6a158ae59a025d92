import { isAPIError } from "better-auth/api";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { z } from "zod";
import { COOKIE_PREFIX, PASSKEY_CHALLENGE } from "@/lib/auth/auth";
import type { AuthDeps } from "@/lib/auth/deps";
import { verifyPassword } from "@/lib/auth/password";
import { countPasswordAttempt } from "@/lib/auth/sign-in";
import { requireStepUp } from "@/lib/auth/step-up";
import type { Admin, RequestMeta } from "@/lib/auth/types";
import { SubmittedPassword } from "@/lib/auth/user-schemas";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * Passkeys (docs/adr/0038): a WebAuthn credential is a second factor beside TOTP, through
 * @better-auth/passkey, called from server code only (auth.api.*) like the rest. This file
 * registers, lists and removes them; lib/auth/passkey-factor.ts signs in and steps up
 * with one.
 *
 * The plugin keeps each ceremony's challenge server-side under a random token that it
 * hands out as a signed cookie. Our actions set no cookie (a cookie set by a server action
 * refreshes the page, and the step-up prompt must keep the form it waits for), so the
 * signed value travels as a "handle" in the action's answer and comes back with the
 * browser's response; the server puts it back into the cookie header it gives the plugin.
 */

export type CreationOptions = PublicKeyCredentialCreationOptionsJSON;
export type RequestOptions = PublicKeyCredentialRequestOptionsJSON;
/** Options for the browser, and the handle of the challenge they carry. */
export type Ceremony<O> = { options: O; handle: string };

/** A signed challenge token as the plugin serializes it (URL-encoded value.signature). */
export const ChallengeHandle = z.string().regex(/^[A-Za-z0-9%._~-]{20,200}$/, "errors.passkey_failed");
/** The browser's answer (startRegistration / startAuthentication), as JSON text. */
export const CredentialJson = z
  .string()
  .max(20_000, "errors.passkey_failed")
  .transform((s, ctx) => {
    try {
      const v: unknown = JSON.parse(s);
      if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // Reported below.
    }
    ctx.addIssue({ code: "custom", message: "errors.passkey_failed" });
    return z.NEVER;
  });
export const PasskeyName = z
  .string()
  .trim()
  .min(1, "errors.passkey_name_required")
  .max(60, "errors.passkey_name_too_long");

const challengeCookieName = (secure: boolean) => `${secure ? "__Secure-" : ""}${COOKIE_PREFIX}.${PASSKEY_CHALLENGE}`;

/** The handle in the plugin's Set-Cookie lines (the signed token, still URL-encoded). */
export function handleOf(setCookie: string[]): string {
  for (const line of setCookie) {
    const m = /^(?:__Secure-)?[^=;]*\.passkey_challenge=([^;]*)/.exec(line);
    if (m?.[1]) return m[1];
  }
  throw new Error("the passkey plugin set no challenge cookie");
}

/** A Cookie header for the plugin: the session's cookies (if any) and the challenge's. */
export function withChallenge(deps: Pick<AuthDeps, "secureCookies">, handle: string, cookieHeader = ""): Headers {
  const name = challengeCookieName(deps.secureCookies);
  const rest = cookieHeader
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith(`${name}=`));
  return new Headers({ cookie: [...rest, `${name}=${handle}`].join("; ") });
}

export const apiCode = (e: unknown) => (isAPIError(e) ? (e.body as { code?: string } | undefined)?.code : undefined);

const EnrolPasskeyInput = z.object({ password: SubmittedPassword });
const RegisterInput = z.object({ name: PasskeyName, response: CredentialJson, handle: ChallengeHandle });

/**
 * Registration options for a signed-in user. At enrolment (no factor yet) the password is
 * asked again, as for TOTP, so that a session left open cannot be given someone else's
 * passkey; with a factor already, a fresh step-up is required instead (step_up_required).
 */
export async function passkeyRegistrationOptions(
  deps: AuthDeps,
  admin: Admin,
  input: unknown,
  cookieHeader: string,
  meta: RequestMeta,
): Promise<Ceremony<CreationOptions>> {
  if (admin.secondFactor) await requireStepUp(deps, admin);
  else await checkPasswordAgain(deps, admin, input, meta);
  const res = await deps.auth.api.generatePasskeyRegistrationOptions({
    headers: new Headers({ cookie: cookieHeader }),
    query: {},
    returnHeaders: true,
  });
  return { options: res.response as CreationOptions, handle: handleOf(res.headers.getSetCookie()) };
}

async function checkPasswordAgain(deps: AuthDeps, admin: Admin, input: unknown, meta: RequestMeta) {
  const { password } = parseInput(EnrolPasskeyInput, input);
  // A wrong password here is a guess like at sign-in: the same limits count it.
  const attempt = await countPasswordAttempt(deps, admin.email, meta.ip, async () => {});
  const account = await deps.db.adminAccount.findFirst({
    where: { userId: admin.id, providerId: "credential" },
    select: { password: true },
  });
  if (!account?.password || !(await verifyPassword(account.password, password))) {
    await attempt.passwordFailed();
    throw new AppError("invalid_request", { fields: { password: "errors.current_password_wrong" } });
  }
}

/**
 * Verifies the browser's new credential and stores it under the name given. The user's
 * first factor (enrolment) marks them as having one, so a password sign-in then waits for
 * a factor (better-auth's twoFactor plugin keys on two_factor_enabled), and counts as a
 * fresh step-up, as a confirmed TOTP code does. Audited.
 */
export async function registerPasskey(
  deps: AuthDeps,
  admin: Admin,
  input: unknown,
  cookieHeader: string,
  meta: RequestMeta,
): Promise<{ enrolled: boolean }> {
  const { name, response, handle } = parseInput(RegisterInput, input);
  try {
    await deps.auth.api.verifyPasskeyRegistration({
      body: { response, name },
      headers: withChallenge(deps, handle, cookieHeader),
    });
  } catch (e) {
    if (apiCode(e)) throw new AppError("passkey_failed");
    throw e;
  }
  const enrolled = !admin.secondFactor;
  if (enrolled) {
    await deps.db.adminUser.update({ where: { id: admin.id }, data: { twoFactorEnabled: true } });
    await deps.db.adminSession.updateMany({ where: { id: admin.sessionId }, data: { stepUpAt: deps.now() } });
  }
  await recordAudit(deps.db, {
    actorId: admin.id,
    actorEmail: admin.email,
    action: enrolled ? "factor_enrolled" : "passkey_added",
    target: name,
    details: { factor: "passkey" },
    ip: meta.ip,
  });
  return { enrolled };
}

export type PasskeyRow = { id: string; name: string; createdAt: Date | null };

/** A user's passkeys, oldest first, for their account page. */
export async function listPasskeys(db: AuthDeps["db"], userId: string): Promise<PasskeyRow[]> {
  const rows = await db.adminPasskey.findMany({
    where: { userId },
    select: { id: true, name: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ id: r.id, name: r.name ?? "", createdAt: r.createdAt }));
}

/** Which factors a user can confirm with (the sign-in's second step shows only those). */
export async function factorsOf(db: AuthDeps["db"], userId: string): Promise<{ totp: boolean; passkey: boolean }> {
  const [totp, passkeys] = await Promise.all([
    db.adminTwoFactor.count({ where: { userId, verified: true } }),
    db.adminPasskey.count({ where: { userId } }),
  ]);
  return { totp: totp > 0, passkey: passkeys > 0 };
}

const RemoveInput = z.object({ id: z.string().min(1).max(100) });

/**
 * Removes one of the user's own passkeys (the caller requires a fresh step-up). Never the
 * last factor: with no TOTP and no other passkey the user could not sign in again, so
 * they add another first or ask an owner to reset their factors. Audited.
 */
export async function removePasskey(deps: AuthDeps, admin: Admin, input: unknown, meta: RequestMeta) {
  const { id } = parseInput(RemoveInput, input);
  return deps.db.$transaction(async (tx) => {
    const found = await tx.adminPasskey.findFirst({ where: { id, userId: admin.id }, select: { name: true } });
    if (!found) throw new AppError("not_found", { fields: { id: "errors.passkey_not_found" } });
    const others = await tx.adminPasskey.count({ where: { userId: admin.id, id: { not: id } } });
    const totp = await tx.adminTwoFactor.count({ where: { userId: admin.id, verified: true } });
    if (others === 0 && totp === 0) throw new AppError("last_factor");
    await tx.adminPasskey.deleteMany({ where: { id, userId: admin.id } });
    await recordAudit(tx, {
      actorId: admin.id,
      actorEmail: admin.email,
      action: "passkey_removed",
      target: found.name ?? "",
      ip: meta.ip,
    });
    return { name: found.name ?? "" };
  });
}
