import "server-only";
import { createHash } from "node:crypto";
import { createChallenge as altchaCreate, randomInt, verifySolution, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import type { Keyring } from "@/lib/hashing/keyring";
import type { LimiterStore } from "@/lib/rate-limit/stores";

/**
 * ALTCHA's proof of work (altcha-lib v2, PBKDF2/SHA-256, which browsers run natively in
 * WebCrypto workers). The difficulty is CHALLENGE_MAX_NUMBER key derivations of COST
 * iterations at most, half that at least; the README gives the measured solve times.
 */
export const CHALLENGE_ALGORITHM = "PBKDF2/SHA-256";
export const CHALLENGE_COST = 1000;
/** A challenge is good for this long after it is made (the check page's lifetime, roughly). */
export const CHALLENGE_TTL_SECONDS = 600;
/** The replay guard's limit name (key prefix in the store). */
export const USED_SOLUTIONS = "challenge-used";
/** A payload is a base64 JSON object of a few hundred bytes; anything far larger is not one. */
const MAX_PAYLOAD_CHARS = 4096;

export type { Challenge };

/** Why a payload does or does not count as a solved challenge. */
export type SolutionVerdict = "ok" | "missing" | "malformed" | "invalid" | "expired" | "replayed";

/** The HMAC keys that sign challenges and their expected keys, derived from the lookup key. */
export type ChallengeKeys = { signature: string; keySignature: string };

/**
 * Domain-separated keys from the current lookup key: no new secret to configure, and a
 * rotation merely voids the challenges of the last few minutes (a customer's page fetches
 * a new one when told challenge_required).
 */
export function challengeKeys(keyring: Keyring): ChallengeKeys {
  return {
    signature: keyring.digest("altcha-signature", "v2").toString("hex"),
    keySignature: keyring.digest("altcha-key-signature", "v2").toString("hex"),
  };
}

/**
 * A challenge as altcha-lib makes it, for GET /api/v1/challenge and the widget. In its
 * deterministic mode we pick the counter and sign the key it yields, so verifying a
 * solution costs one HMAC, never a key derivation: a flood of forged solutions costs
 * the server next to nothing.
 */
export async function makeChallenge(keys: ChallengeKeys, maxNumber: number, now = new Date()): Promise<Challenge> {
  return altchaCreate({
    algorithm: CHALLENGE_ALGORITHM,
    cost: CHALLENGE_COST,
    // Never below half the maximum, so no challenge is a lucky one-step solve.
    counter: randomInt(maxNumber, Math.ceil(maxNumber / 2)),
    deriveKey,
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_SECONDS * 1000),
    hmacSignatureSecret: keys.signature,
    hmacKeySignatureSecret: keys.keySignature,
  });
}

const PayloadSchema = z.object({
  challenge: z.object({
    // Kept whole (loose): the signature covers every parameter as it was sent.
    parameters: z.looseObject({
      algorithm: z.literal(CHALLENGE_ALGORITHM),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string(),
      keySignature: z.string(),
      expiresAt: z.number(),
    }),
    signature: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  solution: z.object({ counter: z.number(), derivedKey: z.string() }).loose(),
});

function parsePayload(payload: string): z.infer<typeof PayloadSchema> | undefined {
  try {
    const parsed = PayloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Marks a solved challenge used, across every node sharing the store. */
export interface ReplayGuard {
  /** True the first time a challenge is claimed, false ever after (until it expires). */
  claim(id: string): Promise<boolean>;
}

/**
 * Used challenges in the limits' store (Redis or the database): a one-point limit per
 * challenge, kept a minute longer than any challenge lives. The key is a digest of the
 * challenge's signature, unique to it.
 */
export function replayGuard(store: LimiterStore): ReplayGuard {
  const used = store.make(USED_SOLUTIONS, { points: 1, seconds: CHALLENGE_TTL_SECONDS + 60 });
  return {
    async claim(id) {
      await store.ready();
      try {
        await used.consume(id);
        return true;
      } catch (e) {
        if (e instanceof RateLimiterRes) return false;
        throw e;
      }
    },
  };
}

/**
 * Verifies what the widget submits (the `altcha` field: base64 JSON of the challenge and
 * its solution). A good solution works once: it is claimed only after it verified, so
 * forged payloads never write to the store.
 */
export async function checkSolution(
  keys: ChallengeKeys,
  guard: ReplayGuard,
  payload: unknown,
): Promise<SolutionVerdict> {
  if (payload === undefined || payload === null || payload === "") return "missing";
  if (typeof payload !== "string" || payload.length > MAX_PAYLOAD_CHARS) return "malformed";
  const parsed = parsePayload(payload);
  if (!parsed) return "malformed";
  const result = await verifySolution({
    challenge: parsed.challenge,
    solution: parsed.solution,
    deriveKey,
    hmacSignatureSecret: keys.signature,
    hmacKeySignatureSecret: keys.keySignature,
  });
  if (result.expired) return "expired";
  if (!result.verified) return "invalid";
  const id = createHash("sha256").update(parsed.challenge.signature).digest("base64url");
  return (await guard.claim(id)) ? "ok" : "replayed";
}
