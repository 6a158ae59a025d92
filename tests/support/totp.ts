import { createHmac } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, "").toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/**
 * The TOTP code an authenticator app shows for this key (RFC 6238: HMAC-SHA1, 30 s, 6
 * digits), computed independently of better-auth. `step` shifts by 30 s steps: the server
 * accepts the previous and next step too, and refuses a code used before, so a test that
 * needs a second code takes the next step's.
 */
export function totp(secret: string, step = 0, now = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 30_000) + step));
  const mac = createHmac("sha1", base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 15;
  const n = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(n % 1_000_000).padStart(6, "0");
}

const used = new Map<string, Set<number>>();

/**
 * A code for this key that this test process has not used yet (the previous, current or
 * next step's), since the server refuses a code twice. Throws after three in 30 s.
 */
export function freshTotp(secret: string, now = Date.now()): string {
  const counter = Math.floor(now / 30_000);
  const seen = used.get(secret) ?? new Set<number>();
  used.set(secret, seen);
  for (const step of [0, 1, -1]) {
    if (seen.has(counter + step)) continue;
    seen.add(counter + step);
    return totp(secret, step, now);
  }
  throw new Error("three codes of this key used in 30 s");
}
