import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import {
  challengeKeys,
  checkSolution,
  makeChallenge,
  replayGuard,
  type Challenge,
  type SolutionVerdict,
} from "@/lib/challenge/challenge";
import type { Config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { Keyring } from "@/lib/hashing/keyring";
import type { LimiterStore } from "@/lib/rate-limit/stores";
import type { SendBudget } from "@/lib/sms/budget";

/** The free starts' limit name (key prefix in the store), keyed by client group. */
export const FREE_STARTS = "challenge-free";

export interface ChallengeGate {
  readonly mode: Config["challenge"]["mode"];
  /** A fresh challenge: GET /api/v1/challenge, and the body of a challenge_required answer. */
  create(): Promise<Challenge>;
  /**
   * Counts this start for its client group and says whether it must carry a solved
   * challenge: never (off), always, or (adaptive) after the group's free starts in the
   * window, and for everyone while the hour's texts pass CHALLENGE_BUDGET_SHARE of the
   * global budget or of the number's prefix budget.
   */
  required(group: string, e164?: string): Promise<boolean>;
  /** The verdict on a submitted payload; a good solution is used up by this call. */
  verify(payload: unknown): Promise<SolutionVerdict>;
  /**
   * required(), then verify() when it is: throws challenge_required (403), carrying a
   * fresh challenge, unless the payload is "ok".
   */
  enforce(group: string, e164: string | undefined, payload: unknown): Promise<void>;
}

export type ChallengeGateDeps = {
  config: Config["challenge"];
  keyring: Keyring;
  /** The rate limits' store: free starts and used solutions are shared by every node. */
  store: LimiterStore;
  budget: Pick<SendBudget, "shareUsed">;
  now?: () => Date;
};

/** The adaptive proof-of-work challenge in front of every texted code (docs/adr/0017-abuse-resistance.md). */
export function createChallengeGate(deps: ChallengeGateDeps): ChallengeGate {
  const { config, store, budget } = deps;
  const now = deps.now ?? (() => new Date());
  const keys = challengeKeys(deps.keyring);
  const guard = replayGuard(store);
  const freeStarts = store.make(FREE_STARTS, config.freeStarts);

  /** Counts the start; true once the group is past its free starts in the window. */
  async function pastFreeStarts(group: string): Promise<boolean> {
    await store.ready();
    try {
      await freeStarts.consume(group);
      return false;
    } catch (e) {
      // A store error is not a verdict: the start fails rather than skip the challenge.
      if (e instanceof RateLimiterRes) return true;
      throw e;
    }
  }

  async function required(group: string, e164?: string): Promise<boolean> {
    if (config.mode === "off") return false;
    if (config.mode === "always") return true;
    if (await pastFreeStarts(group)) return true;
    return (await budget.shareUsed(e164)) >= config.budgetShare;
  }

  const verify = (payload: unknown) => checkSolution(keys, guard, payload);

  return {
    mode: config.mode,
    create: () => makeChallenge(keys, config.maxNumber, now()),
    required,
    verify,
    async enforce(group, e164, payload) {
      if (!(await required(group, e164))) return;
      if ((await verify(payload)) === "ok") return;
      throw new AppError("challenge_required", { challenge: await makeChallenge(keys, config.maxNumber, now()) });
    },
  };
}
