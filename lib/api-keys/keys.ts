import { createHash, randomBytes } from "node:crypto";

/** Every key starts with this, so it is recognisable in code and secret scanners. */
export const API_KEY_PREFIX = "ek_live_";
/** The prefix and 4 random characters: shown in the console to tell keys apart, useless alone. */
export const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 4;

// 32 random bytes are 43 base64url characters.
const KEY_FORMAT = /^ek_live_[A-Za-z0-9_-]{43}$/;

export type NewApiKey = { key: string; prefix: string; hash: Buffer };

/** A new key: 256 random bits. Only its hash and display prefix are ever stored. */
export function newApiKey(): NewApiKey {
  return fromKey(`${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`);
}

export function fromKey(key: string): NewApiKey {
  return { key, prefix: key.slice(0, DISPLAY_PREFIX_LENGTH), hash: hashApiKey(key) };
}

/**
 * Plain SHA-256: the key is 256 random bits, so it cannot be guessed from its hash, and
 * an unkeyed hash keeps working when the lookup key is rotated.
 */
export function hashApiKey(key: string): Buffer {
  return createHash("sha256").update(key, "utf8").digest();
}

export function isWellFormedApiKey(value: string): boolean {
  return KEY_FORMAT.test(value);
}

/** The token of an `Authorization: Bearer …` header (RFC 6750), or null. */
export function bearerToken(authorization: string | null): string | null {
  const m = /^Bearer +([\x21-\x7e]+) *$/i.exec(authorization ?? "");
  return m ? m[1]! : null;
}
