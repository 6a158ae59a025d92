import { randomUUID } from "node:crypto";
import { forgetCheckedKeys } from "@/lib/api-keys/authenticate";
import type { Db } from "@/lib/db/client";
import { actedBy, recordAudit, type AuditCtx } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { newApiKey, type NewApiKey } from "@/lib/api-keys/keys";
import { CreateApiKeyInput, RevokeApiKeyInput } from "@/lib/api-keys/schemas";

/**
 * Owners' API keys for the integration API: created in the console or by the CLI, the
 * key returned once and only its hash kept, revoked for good. Every change is audited
 * with the key's name and display prefix, in the same transaction.
 */

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  createdByEmail: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Active keys first, then revoked ones; newest first within each. */
export async function listApiKeys(db: Db): Promise<ApiKeyRow[]> {
  const rows = await db.apiKey.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      createdByEmail: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
  });
  return [...rows.filter((r) => !r.revokedAt), ...rows.filter((r) => r.revokedAt)];
}

/** The new key's record and, this once, the key itself. */
export type CreatedApiKey = { id: string; name: string; prefix: string; key: string };

// Serializes key creation, so two keys cannot get the same active name at once.
const API_KEY_LOCK = 7_365_002;

/** Creates a key under a name no active key has. */
export async function createApiKey(
  db: Db,
  input: unknown,
  ctx: AuditCtx,
  key: NewApiKey = newApiKey(),
): Promise<CreatedApiKey> {
  const { name } = parseInput(CreateApiKeyInput, input);
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${API_KEY_LOCK})`;
    if (await tx.apiKey.count({ where: { name, revokedAt: null } })) {
      throw new AppError("name_taken", { fields: { name: "errors.api_key_name_taken" } });
    }
    await tx.apiKey.create({
      data: {
        id,
        name,
        prefix: key.prefix,
        keyHash: new Uint8Array(key.hash),
        createdById: ctx.actor.id,
        createdByEmail: ctx.actor.email,
      },
    });
    await recordAudit(tx, {
      ...actedBy(ctx),
      action: "api_key_created",
      target: `${name} (${key.prefix}…)`,
      details: { keyId: id },
    });
  });
  return { id, name, prefix: key.prefix, key: key.key };
}

/** Revokes a key for good: its next call answers 401. Revoking a revoked key changes nothing. */
export async function revokeApiKey(
  db: Db,
  input: unknown,
  ctx: AuditCtx,
  now = new Date(),
): Promise<{ changed: boolean; name: string }> {
  const { keyId } = parseInput(RevokeApiKeyInput, input);
  const outcome = await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id: keyId }, select: { name: true, prefix: true } });
    if (!key) throw new AppError("not_found", { fields: { keyId: "errors.api_key_not_found" } });
    const { count } = await tx.apiKey.updateMany({ where: { id: keyId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) return { changed: false, name: key.name };
    await recordAudit(tx, {
      ...actedBy(ctx),
      action: "api_key_revoked",
      target: `${key.name} (${key.prefix}…)`,
      details: { keyId },
    });
    return { changed: true, name: key.name };
  });
  // At once in this process; other processes stop trusting it within KEY_CACHE_MS.
  if (outcome.changed) forgetCheckedKeys();
  return outcome;
}
