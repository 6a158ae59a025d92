import "server-only";
import type { Logger } from "pino";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Config } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { LimiterStore } from "@/lib/rate-limit/stores";
import { clearPause, readPause, setPause, type Pause } from "@/lib/sms/pause";
import { numberPrefix } from "@/lib/sms/prefix";

const HOUR_MS = 3_600_000;
/** Retry-After while an owner has paused texts: we cannot know when they will resume. */
export const PAUSED_RETRY_SECONDS = 300;
/** How long a node trusts its last reading of the pause flag (one read per start otherwise). */
const PAUSE_CACHE_MS = 2_000;
/** Trips are kept this long for the dashboard's history. */
const TRIPS_KEPT_MS = 7 * 24 * HOUR_MS;

/** The limits' names in the store (key prefixes): each hour's counts live under their own key. */
export const BUDGET_LIMITS = { global: "sms-budget", prefix: "sms-budget-prefix" } as const;

export type BudgetScope = "global" | "prefix";
export type Reservation =
  { ok: true } | { ok: false; tripped: BudgetScope | "paused"; prefix?: string; retryAfterSeconds: number };

export type BudgetUse = {
  /** Texts reserved this hour, at most the budget. */
  used: number;
  budget: number;
  /** Starts refused this hour once the budget was spent. */
  refused: number;
  trippedAt: Date | null;
};

export type BudgetStatus = {
  hour: Date;
  /** When this hour's budgets start again. */
  reopensAt: Date;
  paused: Pause | null;
  global: BudgetUse;
  /** The prefixes asked for, and every prefix whose budget ran out this hour. */
  prefixes: (BudgetUse & { prefix: string })[];
};

export interface SendBudget {
  /** Takes one text from the hour's budgets (the number's prefix, then the whole service). */
  reserve(e164: string): Promise<Reservation>;
  /** reserve() for the check flow: throws sms_paused (503 with Retry-After) when no text may go. */
  reserveOrThrow(e164: string): Promise<void>;
  /** The larger share (0 to 1) of the global budget and, given a number, of its prefix's, used this hour. */
  shareUsed(e164?: string): Promise<number>;
  status(prefixes?: string[]): Promise<BudgetStatus>;
  /** Pauses every text on every node until resume(); false if already paused. The caller audits it. */
  pause(by: string | null): Promise<boolean>;
  resume(): Promise<boolean>;
}

export type SendBudgetDeps = {
  db: Db;
  /** The rate limits' store (Redis or the database), so every node shares the counts. */
  store: LimiterStore;
  config: Config["smsBudget"];
  now?: () => Date;
  logger?: Logger;
  pauseCacheMs?: number;
};

/**
 * Send budgets with a circuit breaker (docs/adr/0017-abuse-resistance.md): at most
 * SMS_BUDGET_PER_PREFIX_PER_HOUR texts to one prefix and SMS_BUDGET_PER_HOUR in all,
 * per clock hour, counted in the limits' store. A spent budget refuses further texts
 * until the hour ends, and is logged once, by the node whose refusal spent it.
 */
export function createSendBudget(deps: SendBudgetDeps): SendBudget {
  const { db, store, config } = deps;
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger ?? log;
  const pauseCacheMs = deps.pauseCacheMs ?? PAUSE_CACHE_MS;
  // The keys carry the hour, so each hour counts afresh; a key outlives its hour by at most one.
  const global = store.make(BUDGET_LIMITS.global, { points: config.perHour, seconds: 3600 });
  const prefixes = store.make(BUDGET_LIMITS.prefix, { points: config.perPrefixPerHour, seconds: 3600 });
  let pauseCache: { value: Pause | null; readAt: number } | undefined;

  const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
  const hourKey = (hour: Date) => hour.toISOString().slice(0, 13);
  const prefixKey = (prefix: string, hour: Date) => `${prefix}:${hourKey(hour)}`;

  async function paused(): Promise<Pause | null> {
    const t = Date.now();
    if (!pauseCache || t - pauseCache.readAt >= pauseCacheMs) pauseCache = { value: await readPause(db), readAt: t };
    return pauseCache.value;
  }

  /** One point; on refusal, whether this refusal is the one that spent the budget. */
  async function take(
    limiter: RateLimiterAbstract,
    key: string,
  ): Promise<{ ok: true } | { ok: false; first: boolean }> {
    try {
      await limiter.consume(key);
      return { ok: true };
    } catch (e) {
      // A store error is not a verdict: it fails the start (no limit fails open, ADR 9).
      if (!(e instanceof RateLimiterRes)) throw e;
      return { ok: false, first: e.consumedPoints === limiter.points + 1 };
    }
  }

  async function trip(scope: string, hour: Date, at: Date, budget: number): Promise<void> {
    const inserted = await db.$executeRaw`
      INSERT INTO sms_budget_trip (hour, scope, tripped_at) VALUES (${hour}, ${scope}, ${at})
      ON CONFLICT (hour, scope) DO NOTHING`;
    await db.$executeRaw`DELETE FROM sms_budget_trip WHERE hour < ${new Date(hour.getTime() - TRIPS_KEPT_MS)}`;
    // Once per budget and hour across nodes, even if the store's counts restart (Redis fallback).
    if (inserted !== 1) return;
    const reopensAt = new Date(hour.getTime() + HOUR_MS).toISOString();
    const what = scope === "global" ? "all texts" : `texts to ${scope}`;
    logger.error(
      { budget: scope === "global" ? "global" : "prefix", scope, perHour: budget, reopensAt },
      `SMS budget spent: ${what} are refused until ${reopensAt} (${budget} an hour)`,
    );
  }

  async function reserve(e164: string): Promise<Reservation> {
    if (await paused()) return { ok: false, tripped: "paused", retryAfterSeconds: PAUSED_RETRY_SECONDS };
    await store.ready();
    const at = now();
    const hour = hourOf(at);
    const retryAfterSeconds = Math.max(1, Math.ceil((hour.getTime() + HOUR_MS - at.getTime()) / 1000));
    const prefix = numberPrefix(e164, config.prefixDigits);
    const key = prefixKey(prefix, hour);

    const byPrefix = await take(prefixes, key);
    if (!byPrefix.ok) {
      if (byPrefix.first) await trip(prefix, hour, at, config.perPrefixPerHour);
      return { ok: false, tripped: "prefix", prefix, retryAfterSeconds };
    }
    const overall = await take(global, hourKey(hour));
    if (!overall.ok) {
      // Nothing is sent: give the prefix its text back, so its own count stays true.
      await prefixes.reward(key, 1);
      if (overall.first) await trip("global", hour, at, config.perHour);
      return { ok: false, tripped: "global", retryAfterSeconds };
    }
    return { ok: true };
  }

  async function consumed(limiter: RateLimiterAbstract, key: string): Promise<number> {
    return (await limiter.get(key))?.consumedPoints ?? 0;
  }

  function budgetUse(count: number, budget: number, trippedAt: Date | null): BudgetUse {
    return { used: Math.min(count, budget), budget, refused: Math.max(0, count - budget), trippedAt };
  }

  return {
    reserve,
    async reserveOrThrow(e164) {
      const r = await reserve(e164);
      if (!r.ok) throw new AppError("sms_paused", { retryAfterSeconds: r.retryAfterSeconds });
    },
    async shareUsed(e164) {
      await store.ready();
      const hour = hourOf(now());
      let share = (await consumed(global, hourKey(hour))) / config.perHour;
      if (e164) {
        const key = prefixKey(numberPrefix(e164, config.prefixDigits), hour);
        share = Math.max(share, (await consumed(prefixes, key)) / config.perPrefixPerHour);
      }
      return Math.min(1, share);
    },
    async status(asked = []) {
      await store.ready();
      const hour = hourOf(now());
      const trips = await db.$queryRaw<{ scope: string; tripped_at: Date }[]>`
        SELECT scope, tripped_at FROM sms_budget_trip WHERE hour = ${hour} ORDER BY tripped_at, scope`;
      const trippedAt = new Map(trips.map((t) => [t.scope, t.tripped_at]));
      const listed = [...new Set([...trips.map((t) => t.scope).filter((s) => s !== "global"), ...asked])];
      return {
        hour,
        reopensAt: new Date(hour.getTime() + HOUR_MS),
        paused: await readPause(db),
        global: budgetUse(await consumed(global, hourKey(hour)), config.perHour, trippedAt.get("global") ?? null),
        prefixes: await Promise.all(
          listed.map(async (prefix) => ({
            prefix,
            ...budgetUse(
              await consumed(prefixes, prefixKey(prefix, hour)),
              config.perPrefixPerHour,
              trippedAt.get(prefix) ?? null,
            ),
          })),
        ),
      };
    },
    async pause(by) {
      const changed = await setPause(db, by, now());
      pauseCache = undefined;
      return changed;
    },
    async resume() {
      const changed = await clearPause(db);
      pauseCache = undefined;
      return changed;
    },
  };
}
