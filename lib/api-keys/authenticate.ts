import type { Sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { bearerToken, hashApiKey, isWellFormedApiKey } from "@/lib/api-keys/keys";

/** A limit on refused keys around a key check: asked before a lookup, told of each refusal. */
export type KeyGuard = { check(): Promise<void>; fail(): Promise<void> };

/** Who is calling the integration API: a key, never its secret. */
export type ApiKeyPrincipal = { id: string; name: string; prefix: string };

export type ApiKeyAuthDeps = { sql: Sql; now: () => Date; keyCache?: KeyCache };

/** last_used_at is a hint for owners, not a log: at most one write a minute per key. */
export const LAST_USED_RESOLUTION_MS = 60_000;
/** How long a process trusts a key it has checked: a revoked key stops working within this. */
export const KEY_CACHE_MS = 1_000;
/**
 * How long a process remembers a key it found unknown or revoked: a key repeated in a
 * flood costs one query per process per window. Keys are random, so a key refused now
 * is not one an owner creates within seconds.
 */
export const REFUSED_KEY_CACHE_MS = 5_000;
/** Entries each cache holds at most: past it, it starts over rather than grow. */
const CACHE_ENTRIES = 10_000;

// The columns are UTC timestamps without a zone (as Prisma writes them): times go in as
// ISO strings and are compared in SQL, whatever the session's or the process's zone.
const AT = "($2::timestamptz AT TIME ZONE 'UTC')";
const STALE = `(last_used_at IS NULL OR last_used_at <= ${AT} - $3 * interval '1 millisecond')`;
const FIND = {
  name: "api_key_find",
  text: `SELECT id, name, prefix, revoked_at IS NOT NULL AS revoked, ${STALE} AS stale FROM api_key WHERE key_hash = $1`,
};
// Conditional, so parallel calls (and several processes) in the same minute write once.
const TOUCH = {
  name: "api_key_touch",
  text: `UPDATE api_key SET last_used_at = ${AT} WHERE id = $1 AND ${STALE}`,
};

/**
 * Keys this process checked lately, by their hash. A login page calls with one key
 * thousands of times a second: a valid key is trusted for KEY_CACHE_MS, so revocation
 * still holds everywhere within it. A refused key (unknown or revoked) is remembered for
 * REFUSED_KEY_CACHE_MS, so a flood repeating it reaches the database once per window.
 * Both maps are bounded.
 */
export class KeyCache {
  private readonly entries = new Map<string, { key: ApiKeyPrincipal; until: number }>();
  private readonly refused = new Map<string, number>();
  constructor(
    private readonly ttlMs = KEY_CACHE_MS,
    private readonly refusedTtlMs = REFUSED_KEY_CACHE_MS,
  ) {
    caches().add(this);
  }

  clear(): void {
    this.entries.clear();
    this.refused.clear();
  }

  get(hash: string, now: number): ApiKeyPrincipal | undefined {
    const hit = this.entries.get(hash);
    return hit && hit.until > now ? hit.key : undefined;
  }

  set(hash: string, key: ApiKeyPrincipal, now: number): void {
    // Few keys exist; a flood of distinct valid ones would be odd, but must not grow memory.
    if (this.entries.size >= CACHE_ENTRIES) this.entries.clear();
    this.entries.set(hash, { key, until: now + this.ttlMs });
  }

  isRefused(hash: string, now: number): boolean {
    const until = this.refused.get(hash);
    return until !== undefined && until > now;
  }

  setRefused(hash: string, now: number): void {
    if (this.refused.size >= CACHE_ENTRIES) this.refused.clear();
    this.refused.set(hash, now + this.refusedTtlMs);
  }
}

// On globalThis: the server and Next.js each hold a copy of this module, and a revocation
// made through either must clear both.
const CACHES = Symbol.for("exposure-check.key-caches");
function caches(): Set<KeyCache> {
  const g = globalThis as unknown as { [CACHES]?: Set<KeyCache> };
  return (g[CACHES] ??= new Set());
}

/** Forgets every key this process has checked (a key was revoked). */
export function forgetCheckedKeys(): void {
  for (const cache of caches()) cache.clear();
}

/**
 * The key of an `Authorization: Bearer …` header, or a 401: `api_key_required` without
 * one, `invalid_api_key` for a malformed, unknown or revoked key (the same answer for
 * all three, so a caller learns nothing about which keys exist). `guard`, when given, is
 * asked before a well-formed key this process does not trust yet is looked up (it may
 * throw, e.g. 429), and told of each unknown or revoked key: a valid cached key costs it
 * nothing, and a malformed one is refused for free.
 */
export async function authenticateApiKey(
  deps: ApiKeyAuthDeps,
  authorization: string | null,
  guard?: KeyGuard,
): Promise<ApiKeyPrincipal> {
  const token = bearerToken(authorization);
  if (!token) throw new AppError(authorization ? "invalid_api_key" : "api_key_required");
  // A malformed key costs no query.
  if (!isWellFormedApiKey(token)) throw new AppError("invalid_api_key");
  const hash = hashApiKey(token);
  const now = deps.now();
  const cacheKey = hash.toString("base64");
  const cached = deps.keyCache?.get(cacheKey, now.getTime());
  if (cached) return cached;
  await guard?.check();
  if (deps.keyCache?.isRefused(cacheKey, now.getTime())) return refuse(guard);

  const at = now.toISOString();
  const [row] = await deps.sql<{ id: string; name: string; prefix: string; revoked: boolean; stale: boolean }>(FIND, [
    hash,
    at,
    LAST_USED_RESOLUTION_MS,
  ]);
  if (!row || row.revoked) {
    deps.keyCache?.setRefused(cacheKey, now.getTime());
    return refuse(guard);
  }
  if (row.stale) await deps.sql(TOUCH, [row.id, at, LAST_USED_RESOLUTION_MS]);
  const key = { id: row.id, name: row.name, prefix: row.prefix };
  deps.keyCache?.set(cacheKey, key, now.getTime());
  return key;
}

async function refuse(guard: KeyGuard | undefined): Promise<never> {
  await guard?.fail();
  throw new AppError("invalid_api_key");
}
