import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Seals a pending check's E.164 number with AES-256-GCM under a key derived from the
 * lookup secret and the check id, so the verify step can answer with the number
 * without a raw number ever resting in the database. The sealed value is wiped when
 * the check completes.
 */
function keyFor(material: Buffer, checkId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", material, Buffer.from(checkId), "exposure-check/seal-phone", 32));
}

export function sealPhone(material: Buffer, checkId: string, e164: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(material, checkId), iv);
  const body = Buffer.concat([cipher.update(e164, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unsealPhone(material: Buffer, checkId: string, sealed: Buffer): string {
  const decipher = createDecipheriv("aes-256-gcm", keyFor(material, checkId), sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString("utf8");
}
