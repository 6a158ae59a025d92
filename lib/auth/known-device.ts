import { createHmac, timingSafeEqual } from "node:crypto";
import { COOKIE_PREFIX } from "@/lib/auth/auth";

/**
 * A device that signed in to an account gets a signed cookie naming that account (by the
 * per-email limit's key, a keyed digest, never the email). With it, the per-email limit on
 * failed sign-ins does not apply, so a stranger failing on purpose cannot lock the owner
 * out of their usual browser (docs/adr/0019). The per-IP limit still applies to everyone.
 */
export const KNOWN_DEVICE_COOKIE = `${COOKIE_PREFIX}.known_device`;
/** A device unused for this long is a stranger again. */
export const KNOWN_DEVICE_MAX_AGE_SECONDS = 90 * 24 * 3600;

function mac(key: Buffer, emailKey: string, issuedAt: number): string {
  return createHmac("sha256", key).update(`${emailKey}\0${issuedAt}`).digest("base64url");
}

/** The Set-Cookie line that marks this device as known for the account. */
export function knownDeviceCookie(key: Buffer, emailKey: string, now: Date, secure: boolean): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const value = `${issuedAt}.${mac(key, emailKey, issuedAt)}`;
  return [
    `${KNOWN_DEVICE_COOKIE}=${value}`,
    `Max-Age=${KNOWN_DEVICE_MAX_AGE_SECONDS}`,
    "Path=/admin",
    "HttpOnly",
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/** True when the request's cookie was issued by us, for this account, and is not too old. */
export function isKnownDevice(
  key: Buffer,
  emailKey: string,
  cookieHeader: string | null | undefined,
  now: Date,
): boolean {
  const value = readCookie(cookieHeader, KNOWN_DEVICE_COOKIE);
  const match = value ? /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value) : null;
  if (!match) return false;
  const issuedAt = Number(match[1]);
  const age = now.getTime() / 1000 - issuedAt;
  if (age < 0 || age > KNOWN_DEVICE_MAX_AGE_SECONDS) return false;
  const expected = Buffer.from(mac(key, emailKey, issuedAt));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** One cookie's value from a Cookie header, or null. */
function readCookie(cookieHeader: string | null | undefined, name: string): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}
