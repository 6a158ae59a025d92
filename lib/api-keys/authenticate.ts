import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { bearerToken, hashApiKey, isWellFormedApiKey } from "@/lib/api-keys/keys";

/** Who is calling the integration API: a key, never its secret. */
export type ApiKeyPrincipal = { id: string; name: string; prefix: string };

export type ApiKeyAuthDeps = { db: Db; now: () => Date };

/** last_used_at is a hint for owners, not a log: at most one write a minute per key. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The key of an `Authorization: Bearer …` header, or a 401: `api_key_required` without
 * one, `invalid_api_key` for a malformed, unknown or revoked key (the same answer for
 * all three, so a caller learns nothing about which keys exist).
 */
export async function authenticateApiKey(deps: ApiKeyAuthDeps, authorization: string | null): Promise<ApiKeyPrincipal> {
  const token = bearerToken(authorization);
  if (!token) throw new AppError(authorization ? "invalid_api_key" : "api_key_required");
  // A malformed key costs no query.
  if (!isWellFormedApiKey(token)) throw new AppError("invalid_api_key");
  const key = await deps.db.apiKey.findUnique({
    where: { keyHash: new Uint8Array(hashApiKey(token)) },
    select: { id: true, name: true, prefix: true, lastUsedAt: true, revokedAt: true },
  });
  if (!key || key.revokedAt) throw new AppError("invalid_api_key");

  const now = deps.now();
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!key.lastUsedAt || key.lastUsedAt <= stale) {
    // Conditional, so parallel calls in the same minute write once.
    await deps.db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return { id: key.id, name: key.name, prefix: key.prefix };
}
