// ALTCHA challenges: made and verified as the widget solves and submits them, with used
// solutions shared by two "processes" (two stores on their own connections) in the
// database store and in Redis. Small difficulties keep the solves quick.
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { afterAll, describe, expect, it } from "vitest";
import {
  CHALLENGE_ALGORITHM,
  CHALLENGE_COST,
  CHALLENGE_TTL_SECONDS,
  challengeKeys,
  checkSolution,
  makeChallenge,
  replayGuard,
  type Challenge,
} from "@/lib/challenge/challenge";
import { Keyring } from "@/lib/hashing/keyring";
import { testKeyring } from "@/tests/support/deps";
import { closeStores, databaseStoreOfItsOwn, redisAvailable, redisStoreOfItsOwn } from "@/tests/support/redis";

const redisUp = await redisAvailable();

afterAll(closeStores);

const dbStore = databaseStoreOfItsOwn;
const redis = redisStoreOfItsOwn;

const keys = challengeKeys(testKeyring());

/** What the widget puts in the form's `altcha` field once it has solved a challenge. */
async function solve(challenge: Challenge, tamper: (p: { challenge: Challenge; solution: object }) => void = () => {}) {
  const solution = await solveChallenge({ challenge, deriveKey });
  expect(solution).not.toBeNull();
  const payload = {
    challenge: { parameters: challenge.parameters, signature: challenge.signature },
    solution: solution!,
  };
  tamper(payload);
  return Buffer.from(JSON.stringify(payload)).toString("base64");
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64");

describe("makeChallenge", () => {
  it("makes a signed PBKDF2 challenge with an expected key and an expiry, as the widget reads it", async () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const challenge = await makeChallenge(keys, 40, now);
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(challenge.parameters).toMatchObject({
      algorithm: CHALLENGE_ALGORITHM,
      cost: CHALLENGE_COST,
      keyLength: 32,
      expiresAt: now.getTime() / 1000 + CHALLENGE_TTL_SECONDS,
      keySignature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // The counter is secret: the solver must find it.
    expect(JSON.stringify(challenge)).not.toMatch(/counter/);
  });

  it("draws the work from half the maximum to the maximum", async () => {
    const counters: number[] = [];
    for (let i = 0; i < 8; i++) {
      const solution = await solveChallenge({ challenge: await makeChallenge(keys, 12), deriveKey });
      counters.push(solution!.counter);
    }
    for (const c of counters) expect(c).toBeGreaterThanOrEqual(6);
    for (const c of counters) expect(c).toBeLessThanOrEqual(12);
  });
});

describe("checkSolution", () => {
  it("accepts a solved challenge once", async () => {
    const guard = replayGuard(dbStore());
    const payload = await solve(await makeChallenge(keys, 10));
    expect(await checkSolution(keys, guard, payload)).toBe("ok");
    expect(await checkSolution(keys, guard, payload)).toBe("replayed");
  });

  it("says a payload is missing or malformed before any verification", async () => {
    const guard = replayGuard(dbStore());
    for (const missing of [undefined, null, ""]) expect(await checkSolution(keys, guard, missing)).toBe("missing");
    const challenge = await makeChallenge(keys, 10);
    for (const bad of [
      42,
      { challenge, solution: { counter: 1, derivedKey: "00" } }, // an object, not the base64 text
      "not base64 at all!",
      encode("a string"),
      encode({ challenge: null, solution: null, test: true }), // the widget's test mode
      encode({ challenge: { ...challenge, parameters: { ...challenge.parameters, algorithm: "SHA-256" } } }),
      "A".repeat(5000),
    ]) {
      expect(await checkSolution(keys, guard, bad)).toBe("malformed");
    }
  });

  it("refuses forged solutions and tampered or foreign challenges", async () => {
    const guard = replayGuard(dbStore());
    const challenge = await makeChallenge(keys, 10);
    const forged = [
      await solve(challenge, (p) => void Object.assign(p.solution, { derivedKey: "00".repeat(32) })),
      // One bit off the expected key; the counter alone proves nothing (the key is the proof).
      await solve(challenge, (p) => {
        const key = (p.solution as { derivedKey: string }).derivedKey;
        Object.assign(p.solution, { derivedKey: `${key.slice(0, -1)}${key.endsWith("0") ? "1" : "0"}` });
      }),
      // A later expiry than we signed.
      await solve(challenge, (p) => {
        p.challenge = { ...p.challenge, parameters: { ...p.challenge.parameters, expiresAt: 4_000_000_000 } };
      }),
      // A challenge made with another key (another deployment, or an attacker's own).
      await solve(await makeChallenge(challengeKeys(new Keyring({ version: 1, secret: "x".repeat(40) })), 10)),
    ];
    for (const payload of forged) expect(await checkSolution(keys, guard, payload)).toBe("invalid");
    // Forgeries never used the challenge up: its real solution still works, once.
    const real = await solve(challenge);
    expect(await checkSolution(keys, guard, real)).toBe("ok");
    expect(await checkSolution(keys, guard, real)).toBe("replayed");
  });

  it("refuses an expired challenge", async () => {
    const guard = replayGuard(dbStore());
    const old = await makeChallenge(keys, 10, new Date(Date.now() - (CHALLENGE_TTL_SECONDS + 1) * 1000));
    expect(await checkSolution(keys, guard, await solve(old))).toBe("expired");
  });

  it("derives its keys from the lookup key, apart from every other digest", () => {
    const other = challengeKeys(new Keyring({ version: 1, secret: "y".repeat(40) }));
    expect(keys.signature).not.toBe(other.signature);
    expect(keys.signature).not.toBe(keys.keySignature);
    expect(keys.signature).toMatch(/^[0-9a-f]{64}$/);
  });
});

for (const [storeName, makeStore, skip] of [
  ["database", dbStore, false],
  ["Redis", redis, !redisUp],
] as const) {
  describe.skipIf(skip)(`used solutions in the ${storeName} store`, () => {
    it("are refused on every node", async () => {
      const [a, b] = [replayGuard(makeStore()), replayGuard(makeStore())];
      const payload = await solve(await makeChallenge(keys, 10));
      expect(await checkSolution(keys, a, payload)).toBe("ok");
      expect(await checkSolution(keys, b, payload)).toBe("replayed");
      expect(await checkSolution(keys, a, payload)).toBe("replayed");
    });

    it("let exactly one of many concurrent submissions through", async () => {
      const guards = [replayGuard(makeStore()), replayGuard(makeStore())];
      const payload = await solve(await makeChallenge(keys, 10));
      const verdicts = await Promise.all(
        Array.from({ length: 10 }, (_, i) => checkSolution(keys, guards[i % 2]!, payload)),
      );
      expect(verdicts.filter((v) => v === "ok")).toHaveLength(1);
      expect(verdicts.filter((v) => v === "replayed")).toHaveLength(9);
    });
  });
}
