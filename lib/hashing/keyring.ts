import { createHmac, createSecretKey, type KeyObject } from "node:crypto";

export type KeySpec = { version: number; secret: string };
export type PhoneHash = { version: number; hash: Buffer };
/** A key version and its bytes, as handed to import workers. */
export type KeyBytes = { version: number; key: Uint8Array };
type Key = { version: number; key: KeyObject };

/**
 * The lookup keys: the current version hashes new rows; previous versions still
 * answer lookups while rows are re-hashed after a rotation. KeyObjects are made once
 * (a raw Buffer key is several times slower per HMAC on newer Node).
 */
export class Keyring {
  readonly current: Key;
  private readonly all: Key[];
  /** The versions up to the current one, oldest first: the chain a stored hash is made by. */
  private readonly chain: Key[];

  constructor(current: KeySpec, previous: KeySpec[] = []) {
    const make = (k: KeySpec) => ({ version: k.version, key: createSecretKey(Buffer.from(k.secret, "utf8")) });
    this.current = make(current);
    this.all = [this.current, ...previous.map(make)];
    this.chain = this.all.filter((k) => k.version <= this.current.version).sort((a, b) => a.version - b.version);
  }

  /**
   * The form a number is stored in: HMAC-SHA256 of the E.164 form under the oldest key
   * configured, wrapped by each later one up to the current (with no previous keys, the
   * plain HMAC under the current key). It is the form a rotation gives the rows already
   * stored, so a number imported again after a rotation is a duplicate, not a second row.
   */
  hash(e164: string): PhoneHash {
    return { version: this.current.version, hash: storedHash(this.chain, e164) };
  }

  /** The chain's keys as bytes, for import workers (storedHash over importKeys). */
  chainBytes(): KeyBytes[] {
    return this.chain.map((k) => ({ version: k.version, key: new Uint8Array(k.key.export()) }));
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
    if (stored.version >= this.current.version)
      throw new Error(`key version ${stored.version} is not older than the current one`);
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

  /** A configured version's bytes, to open what was sealed under it; null once it is gone. */
  keyMaterialOf(version: number): Buffer | null {
    return this.all.find((k) => k.version === version)?.key.export() ?? null;
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

/** The stored form of a number under `chain` (oldest key first; see Keyring.hash). */
export function storedHash(chain: readonly Key[], e164: string): Buffer {
  let hash = hmac(chain[0]!.key, e164);
  for (let i = 1; i < chain.length; i++) hash = wrapWith(chain[i]!.key, { version: chain[i - 1]!.version, hash });
  return hash;
}

/** KeyObjects for a chain handed over as bytes (a worker thread's copy). */
export function importKeys(chain: readonly KeyBytes[]): Key[] {
  return chain.map((k) => ({ version: k.version, key: createSecretKey(Buffer.from(k.key)) }));
}

function hmac(key: KeyObject, e164: string): Buffer {
  return createHmac("sha256", key).update(e164).digest();
}
