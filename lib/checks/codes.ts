import { randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { Keyring } from "@/lib/hashing/keyring";

/** How long a code is valid. */
export const CODE_TTL_MS = 10 * 60 * 1000;
/** Wrong codes a check takes before it is exhausted. */
export const MAX_ATTEMPTS = 5;

/** A check id: 128 random bits, URL-safe (22 characters). */
export function newCheckId(): string {
  return randomBytes(16).toString("base64url");
}

/** A uniformly random 6-digit code. */
export function newCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

/** Codes are stored as a keyed digest bound to their check, never in clear. */
export function hashCode(keyring: Keyring, checkId: string, code: string): Buffer {
  return keyring.digest("one-time-code", `${checkId}:${code}`);
}

export function codeMatches(keyring: Keyring, checkId: string, code: string, stored: Buffer): boolean {
  const given = hashCode(keyring, checkId, code);
  return given.length === stored.length && timingSafeEqual(given, stored);
}
