import type { Keyring } from "@/lib/hashing/keyring";
import { sealPhone, unsealPhone } from "@/lib/hashing/seal";

/**
 * How an activation code rests: sealed with the check's AES-GCM sealing (lib/hashing/seal.ts)
 * under the lookup key of its version, bound to its pool (a code sealed for one category
 * does not open as another's), and found again by a keyed digest, never in clear.
 */

/** Letters, digits and dashes, 4 to 64 of them: what providers' activation codes look like. */
export const CODE_PATTERN = /^[A-Za-z0-9-]{4,64}$/;

const context = (categoryId: number) => `offer-code/${categoryId}`;

export function sealCode(keyring: Keyring, categoryId: number, code: string): { sealed: Buffer; version: number } {
  return { sealed: sealPhone(keyring.keyMaterial(), context(categoryId), code), version: keyring.current.version };
}

/** The code, or null when its key version is no longer configured (or the seal is broken). */
export function openCode(keyring: Keyring, categoryId: number, sealed: Buffer, version: number): string | null {
  const material = keyring.keyMaterialOf(version);
  if (!material) return null;
  try {
    return unsealPhone(material, context(categoryId), sealed);
  } catch {
    return null;
  }
}

/** The keyed digest a pool's duplicates are found by (unique per category in offer_code). */
export function codeDigest(keyring: Keyring, code: string): Buffer {
  return keyring.digest("offer-code", code);
}
