import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, Password } from "@/lib/auth/user-schemas";

/** Argon2id = 2 in @node-rs/argon2's const enum, which isolatedModules cannot import. */
const ARGON2ID = 2;

/**
 * OWASP's recommended argon2id parameters (19 MiB, 2 passes, 1 lane): slow enough
 * against guessing, fast enough for a sign-in.
 */
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// The policy lives with the user schemas (client-safe); re-exported for server code.
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

/** An encoded hash: $argon2id$v=19$m=19456,t=2,p=1$salt$hash (the salt is random). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** False for a wrong password and for a hash that is not argon2 at all. */
export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await verify(encoded, password);
  } catch {
    return false;
  }
}

// No look-alikes (0/O, 1/l/I): the owner may have to read it out or type it elsewhere.
const ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * A one-time initial password for a user an owner creates: 4 groups of 6 characters
 * (about 140 bits), checked against the same policy as any other password.
 */
export function generateInitialPassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
  );
  return Password.parse(groups.join("-"));
}
