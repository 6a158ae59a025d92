import { hkdfSync } from "node:crypto";
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { twoFactor } from "better-auth/plugins";
import { passkey } from "@better-auth/passkey";
import type { Db } from "@/lib/db/client";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from "@/lib/auth/password";
import { log } from "@/lib/log";

/** The header our own code fills with the client address (never one a client sent). */
export const CLIENT_IP_HEADER = "x-exposure-client-ip";
export const COOKIE_PREFIX = "exposure-admin";
/** The code of the error a disabled user's sign-in ends with (answered as invalid_credentials). */
export const USER_DISABLED = "USER_DISABLED";
/** The passkey plugin's challenge cookie (its handle travels in action answers, lib/auth/passkeys.ts). */
export const PASSKEY_CHALLENGE = "passkey_challenge";

export type AuthOptions = {
  db: Db;
  /** Key material the cookie-signing secret is derived from (the lookup key). */
  keyMaterial: Buffer;
  maxAgeSeconds: number;
  secureCookies: boolean;
  /** PUBLIC_URL: passkeys are bound to its host (the WebAuthn RP ID) and its origin. */
  publicUrl: string;
};

/**
 * The console's better-auth instance (docs/adr/0007-admin-auth.md). It is only called
 * from our server code (auth.api.*): no auth HTTP handler is mounted, so sign-up, OAuth
 * and its other endpoints do not exist on the wire. Sessions live in admin_session,
 * the argon2id hash on the "credential" admin_account row.
 */
export function createAuth(opts: AuthOptions) {
  return betterAuth({
    appName: "Exposure Check console",
    // Only used to build links for flows we do not enable; no request reaches it.
    baseURL: "http://localhost",
    secret: deriveAuthSecret(opts.keyMaterial),
    database: prismaAdapter(opts.db, { provider: "postgresql" }),
    telemetry: { enabled: false },
    // Our limiter (per IP and per email) runs before better-auth is called.
    rateLimit: { enabled: false },
    logger: {
      level: "warn",
      // Its warnings are per failed attempt ("Invalid password"): the audit log has those.
      log: (level, message) =>
        level === "error"
          ? log.error({ component: "better-auth" }, message)
          : log.debug({ component: "better-auth" }, message),
    },
    user: {
      modelName: "adminUser",
      additionalFields: {
        role: { type: "string", required: true, input: false },
        // Read with every session (lib/auth/session.ts refuses a disabled user's).
        disabledAt: { type: "date", required: false, input: false },
        // Read with every session (lib/auth/session.ts: a generated password not yet changed).
        mustChangePassword: { type: "boolean", required: false, input: false },
      },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled user gets no session, whichever way one would be created.
          async before(session) {
            const user = await opts.db.adminUser.findUnique({
              where: { id: session.userId },
              select: { disabledAt: true },
            });
            if (!user || user.disabledAt)
              throw new APIError("UNAUTHORIZED", { code: USER_DISABLED, message: "This user is disabled." });
          },
        },
      },
    },
    session: {
      modelName: "adminSession",
      // A fixed expiry: never pushed forward. The idle timeout is ours (lib/auth/session.ts).
      expiresIn: opts.maxAgeSeconds,
      disableSessionRefresh: true,
      // better-auth's "fresh session" rule (the passkey plugin's registration) would stop a
      // session older than a day; our own gate is the password again or a step-up.
      freshAge: opts.maxAgeSeconds,
      cookieCache: { enabled: false },
    },
    account: { modelName: "adminAccount" },
    plugins: [
      // TOTP with backup codes (docs/adr/0019). Called through auth.api.* only, like the
      // rest: lib/auth/second-factor.ts and lib/auth/step-up.ts.
      twoFactor({
        issuer: "Exposure Check",
        // The pending sign-in (password right, code not yet given) lasts 10 minutes.
        twoFactorCookieMaxAge: 600,
        backupCodeOptions: { amount: 10, length: 10 },
        schema: { twoFactor: { modelName: "adminTwoFactor" } },
      }),
      // Passkeys (docs/adr/0038), a second factor beside TOTP: lib/auth/passkeys.ts and
      // lib/auth/passkey-factor.ts call its endpoints. Bound to PUBLIC_URL, never to a
      // request's Origin header (no request reaches the plugin: we call it).
      passkey({
        rpName: "Exposure Check console",
        rpID: new URL(opts.publicUrl).hostname,
        origin: new URL(opts.publicUrl).origin,
        schema: { passkey: { modelName: "adminPasskey" } },
        advanced: { webAuthnChallengeCookie: PASSKEY_CHALLENGE },
      }),
    ],
    verification: { modelName: "adminVerification" },
    emailAndPassword: {
      enabled: true,
      // Users are created by an owner or the CLI, never by signing up.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) },
    },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: opts.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
  });
}

export type AdminAuth = ReturnType<typeof createAuth>;

/** A separate key for signing session cookies, so the lookup key itself is never used for it. */
export function deriveAuthSecret(keyMaterial: Buffer): string {
  return Buffer.from(
    hkdfSync("sha256", keyMaterial, Buffer.alloc(0), "exposure-check admin session cookie v1", 32),
  ).toString("hex");
}

/** The known-device cookie's key (lib/auth/known-device.ts), derived the same way with its own label. */
export function deriveDeviceKey(keyMaterial: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", keyMaterial, Buffer.alloc(0), "exposure-check admin known device v1", 32));
}
