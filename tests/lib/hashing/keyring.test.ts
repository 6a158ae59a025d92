import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Keyring } from "@/lib/hashing/keyring";
import { sealPhone, unsealPhone } from "@/lib/hashing/seal";

const v1 = { version: 1, secret: "a".repeat(32) };
const v2 = { version: 2, secret: "b".repeat(32) };

describe("Keyring", () => {
  it("hashes the E.164 form with HMAC-SHA256 under the key, when it is the only one", () => {
    const expected = createHmac("sha256", v2.secret).update("+12065550142").digest();
    expect(new Keyring(v2).hash("+12065550142")).toEqual({ version: 2, hash: expected });
  });

  it("stores a number after a rotation in the form the rotation gave the rows already stored", () => {
    const direct1 = { version: 1, hash: createHmac("sha256", v1.secret).update("+12065550142").digest() };
    const ring = new Keyring(v2, [v1]);
    expect(ring.hash("+12065550142")).toEqual(ring.wrap(direct1));
    // Three keys: the chain from the oldest, whatever order they are configured in.
    const v3 = { version: 3, secret: "c".repeat(32) };
    const three = new Keyring(v3, [v1, v2]);
    expect(three.hash("+12065550142")).toEqual(three.wrap(ring.wrap(direct1)));
    // A configured key newer than the current one plays no part.
    expect(new Keyring(v2, [v1, v3]).hash("+12065550142")).toEqual(ring.hash("+12065550142"));
  });

  it("gives the hash under every key version, current first, and each older one re-keyed by the newer", () => {
    const ring = new Keyring(v2, [v1]);
    const all = ring.hashAll("+12065550142");
    const direct1 = createHmac("sha256", v1.secret).update("+12065550142").digest();
    expect(all.map((h) => h.version)).toEqual([2, 2, 1]);
    expect(all).toContainEqual({ version: 1, hash: direct1 });
    expect(all).toContainEqual(ring.hash("+12065550142"));
    expect(all).toContainEqual(ring.wrap({ version: 1, hash: direct1 }));
    expect(new Set(all.map((h) => h.hash.toString("hex"))).size).toBe(3);
  });

  it("follows rows through two rotations: 2^n - 1 forms for n keys", () => {
    const v3 = { version: 3, secret: "c".repeat(32) };
    const ring = new Keyring(v3, [v2, v1]);
    const all = ring.hashAll("+12065550142");
    expect(all).toHaveLength(7);
    // A row stored under 1, rotated to 2, then to 3:
    const atTwo = new Keyring(v2, [v1]).wrap({
      version: 1,
      hash: createHmac("sha256", v1.secret).update("+12065550142").digest(),
    });
    expect(all).toContainEqual(ring.wrap(atTwo));
    expect(() => ring.wrap({ version: 3, hash: Buffer.alloc(32) })).toThrow();
  });

  it("separates digests by purpose so a code digest is never a lookup hash", () => {
    const ring = new Keyring(v1);
    expect(ring.digest("one-time-code", "+12065550142").equals(ring.hash("+12065550142").hash)).toBe(false);
    expect(ring.digest("a", "b").equals(ring.digest("a", "c"))).toBe(false);
  });
});

describe("sealPhone", () => {
  const key = Buffer.alloc(32, 7);

  it("round-trips under the same check id and holds no plain digits", () => {
    const sealed = sealPhone(key, "check-1", "+12065550142");
    expect(sealed.toString("latin1")).not.toContain("2065550142");
    expect(unsealPhone(key, "check-1", sealed)).toBe("+12065550142");
  });

  it("refuses to open under another check id or a tampered value", () => {
    const sealed = sealPhone(key, "check-1", "+12065550142");
    expect(() => unsealPhone(key, "check-2", sealed)).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => unsealPhone(key, "check-1", tampered)).toThrow();
  });
});
