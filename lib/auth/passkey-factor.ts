import type { AuthenticationResponseJSON, AuthenticatorTransportFuture } from "@simplewebauthn/browser";
import { createAuthMiddleware } from "better-auth/api";
import { z } from "zod";
import { COOKIE_PREFIX } from "@/lib/auth/auth";
import type { AuthDeps } from "@/lib/auth/deps";
import {
  apiCode,
  ChallengeHandle,
  CredentialJson,
  handleOf,
  withChallenge,
  type Ceremony,
  type RequestOptions,
} from "@/lib/auth/passkeys";
import { completeSignIn, type SignedIn } from "@/lib/auth/sign-in";
import { confirmWith } from "@/lib/auth/step-up";
import type { Admin, RequestMeta } from "@/lib/auth/types";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * A passkey as the second factor (docs/adr/0038): at sign-in, after the password, in
 * place of a TOTP code; and for a step-up. The plugin's verify endpoint always makes a
 * session for the passkey's user; here that session is only kept when it completes the
 * pending sign-in of the same user (the signed "two_factor" cookie better-auth's twoFactor
 * plugin set after the password), and is deleted at once for a step-up. Its cookie never
 * reaches the browser unless kept.
 */

const AssertionInput = z.object({ response: CredentialJson, handle: ChallengeHandle });

const cookieName = (deps: Pick<AuthDeps, "secureCookies">, name: string) =>
  `${deps.secureCookies ? "__Secure-" : ""}${COOKIE_PREFIX}.${name}`;

/**
 * The user whose password was right and who has not yet given a factor: the twoFactor
 * plugin's signed cookie names a verification row, which holds the user's id until it
 * expires or is used. The cookie is read and its signature checked by better-call's
 * getSignedCookie, as the plugin itself reads it; a middleware is the public way to it.
 */
export async function pendingSignIn(
  deps: AuthDeps,
  cookieHeader: string | null | undefined,
): Promise<{ identifier: string; userId: string } | null> {
  if (!cookieHeader) return null;
  const name = cookieName(deps, "two_factor");
  const { secret } = await deps.auth.$context;
  const identifier = await createAuthMiddleware(async (ctx) => ctx.getSignedCookie(name, secret))({
    headers: new Headers({ cookie: cookieHeader }),
  });
  if (!identifier) return null;
  const row = await deps.db.adminVerification.findFirst({
    where: { identifier, expiresAt: { gt: deps.now() } },
    select: { value: true },
  });
  return row ? { identifier, userId: row.value } : null;
}

/** Options for an assertion by one of these passkeys (the browser offers only them). */
async function assertionOptions(deps: AuthDeps, userId: string): Promise<Ceremony<RequestOptions>> {
  const res = await deps.auth.api.generatePasskeyAuthenticationOptions({
    headers: new Headers({ cookie: "" }),
    returnHeaders: true,
  });
  const passkeys = await deps.db.adminPasskey.findMany({
    where: { userId },
    select: { credentialID: true, transports: true },
  });
  return {
    handle: handleOf(res.headers.getSetCookie()),
    options: {
      ...(res.response as RequestOptions),
      allowCredentials: passkeys.map((p) => ({
        id: p.credentialID,
        type: "public-key" as const,
        ...(p.transports ? { transports: p.transports.split(",") as AuthenticatorTransportFuture[] } : {}),
      })),
    },
  };
}

type Asserted = { userId: string; email: string; token: string; setCookie: string[] };

/** The plugin's verification: the passkey's user and the session it made, or the reason it refused. */
async function verifyAssertion(deps: AuthDeps, input: unknown): Promise<Asserted | { refused: string }> {
  const { response, handle } = parseInput(AssertionInput, input);
  try {
    const res = await deps.auth.api.verifyPasskeyAuthentication({
      // Its shape is checked by the plugin (and @simplewebauthn/server), not by this cast.
      body: { response: response as unknown as AuthenticationResponseJSON },
      headers: withChallenge(deps, handle),
      returnHeaders: true,
    });
    const { session, user } = res.response as { session: { token: string }; user: { id: string; email: string } };
    return { userId: user.id, email: user.email, token: session.token, setCookie: res.headers.getSetCookie() };
  } catch (e) {
    const reason = apiCode(e);
    if (!reason) throw e;
    return { refused: reason };
  }
}

/** Sign-in's second step with a passkey: options for the user whose password was right. */
export async function signInPasskeyOptions(
  deps: AuthDeps,
  cookieHeader: string | null,
): Promise<Ceremony<RequestOptions>> {
  const pending = await pendingSignIn(deps, cookieHeader);
  if (!pending) throw new AppError("sign_in_again");
  return assertionOptions(deps, pending.userId);
}

/**
 * Completes a pending sign-in with a passkey of the same user, exactly as a TOTP code
 * does (lib/auth/second-factor.ts): the pending state is used up, the session kept, and
 * completeSignIn records it, clears the per-email failures and marks the device as known.
 * A passkey of anyone else, or a pending sign-in gone meanwhile, ends the session made.
 */
export async function verifySignInPasskey(
  deps: AuthDeps,
  input: unknown,
  cookieHeader: string | null,
  meta: RequestMeta,
): Promise<SignedIn> {
  const failed = (reason: string, code?: string) =>
    recordAudit(deps.db, {
      actorEmail: "unknown",
      action: "sign_in_failed",
      details: code ? { reason, code } : { reason },
      ip: meta.ip,
    });
  const pending = await pendingSignIn(deps, cookieHeader);
  if (!pending) throw new AppError("sign_in_again");
  const done = await verifyAssertion(deps, input);
  if ("refused" in done) {
    await failed(done.refused === "USER_DISABLED" ? "disabled" : "passkey_refused", done.refused);
    throw new AppError("passkey_failed");
  }
  const drop = () => deps.db.adminSession.deleteMany({ where: { token: done.token } });
  if (done.userId !== pending.userId) {
    await drop();
    await failed("passkey_other_user");
    throw new AppError("passkey_failed");
  }
  // Used once, as the twoFactor plugin uses it up on a right code.
  const { count } = await deps.db.adminVerification.deleteMany({ where: { identifier: pending.identifier } });
  await deps.db.adminVerification.deleteMany({ where: { identifier: `2fa-attempts-${pending.identifier}` } });
  if (count !== 1) {
    await drop();
    throw new AppError("sign_in_again");
  }
  const expire = `${cookieName(deps, "two_factor")}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${deps.secureCookies ? "; Secure" : ""}`;
  return completeSignIn(
    deps,
    { email: done.email, token: done.token, setCookie: [...done.setCookie, expire] },
    meta,
    "passkey",
  );
}

/** Step-up options: the signed-in user's own passkeys. */
export async function stepUpPasskeyOptions(deps: AuthDeps, admin: Admin): Promise<Ceremony<RequestOptions>> {
  const count = await deps.db.adminPasskey.count({ where: { userId: admin.id } });
  if (count === 0) throw new AppError("passkey_none");
  return assertionOptions(deps, admin.id);
}

/**
 * A step-up with one of the user's passkeys, under the same cap and audit as a code
 * (lib/auth/step-up.ts). The session the plugin made for the assertion is deleted before
 * anything else: a step-up changes this session only.
 */
export async function confirmStepUpPasskey(deps: AuthDeps, admin: Admin, input: unknown, meta: RequestMeta) {
  await confirmWith(deps, admin, meta, "passkey", async () => {
    const done = await verifyAssertion(deps, input);
    if ("refused" in done) return false;
    await deps.db.adminSession.deleteMany({ where: { token: done.token } });
    return done.userId === admin.id;
  });
}
