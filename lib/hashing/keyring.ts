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

  /** The hash under every key version, for lookups during a rotation. */
  hashAll(e164: string): PhoneHash[] {
    return this.all.map((k) => ({ version: k.version, hash: hmac(k.key, e164) }));
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

function hmac(key: KeyObject, e164: string): Buffer {
  return createHmac("sha256", key).update(e164).digest();
}
