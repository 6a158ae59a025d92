import { createHmac, createSecretKey, type KeyObject } from "node:crypto";

export type KeySpec = { version: number; secret: string };
export type PhoneHash = { version: number; hash: Buffer };

/**
 * The lookup keys: the current version hashes new rows; previous versions still
 * answer lookups while rows are re-hashed after a rotation. KeyObjects are made once
 * (a raw Buffer key is several times slower per HMAC on newer Node).
 */
export class Keyring {
  readonly current: { version: number; key: KeyObject };
  private readonly all: { version: number; key: KeyObject }[];

  constructor(current: KeySpec, previous: KeySpec[] = []) {
    const make = (k: KeySpec) => ({ version: k.version, key: createSecretKey(Buffer.from(k.secret, "utf8")) });
    this.current = make(current);
    this.all = [this.current, ...previous.map(make)];
  }

  /** HMAC-SHA256 of the E.164 form under the current key. */
  hash(e164: string): PhoneHash {
    return { version: this.current.version, hash: hmac(this.current.key, e164) };
  }

  /**
   * Every form a number's stored hash can take, current key first: direct under each
   * version, and wrapped by each later version (a rotation re-hashes stored hashes, as
   * the numbers themselves are never kept). With n keys configured that is 2^n - 1
   * HMACs: keep few previous versions.
   */
  hashAll(e164: string): PhoneHash[] {
    const out: PhoneHash[] = [];
    const ascending = [...this.all].sort((a, b) => a.version - b.version);
    const extend = (h: PhoneHash) => {
      out.push(h);
      for (const k of ascending) if (k.version > h.version) extend({ version: k.version, hash: wrapWith(k.key, h) });
    };
    for (const k of ascending) extend({ version: k.version, hash: hmac(k.key, e164) });
    // Current key first: the form most rows take.
    return out.sort((a, b) => b.version - a.version);
  }

  /** A stored hash of an older version, re-keyed to the current version (key rotation). */
  wrap(stored: PhoneHash): PhoneHash {
    if (stored.version >= this.current.version) throw new Error(`key version ${stored.version} is not older than the current one`);
    return { version: this.current.version, hash: wrapWith(this.current.key, stored) };
  }

  /** Whether a key version is configured (current or previous). */
  has(version: number): boolean {
    return this.all.some((k) => k.version === version);
  }

  /** A keyed digest for other secrets of ours (one-time codes), domain-separated. */
  digest(purpose: string, value: string): Buffer {
    return createHmac("sha256", this.current.key).update(`${purpose}\0${value}`).digest();
  }

  /** The current key's bytes, for deriving other keys (sealing). */
  keyMaterial(): Buffer {
    return this.current.key.export();
  }
}

/**
 * HMAC over a marker, the inner version and the inner hash. The leading zero byte keeps
 * it apart from any direct hash, whose input is an E.164 string starting with "+".
 */
function wrapWith(key: KeyObject, inner: PhoneHash): Buffer {
  const header = Buffer.from([0, 0x77, inner.version >> 8, inner.version & 0xff]);
  return createHmac("sha256", key).update(header).update(inner.hash).digest();
}

function hmac(key: KeyObject, e164: string): Buffer {
  return createHmac("sha256", key).update(e164).digest();
}
