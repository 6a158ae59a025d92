// The statements of a check's hot path, on the pg pool (lib/db/sql.ts) as named
// statements: one for a start, a read and one write for a verification, none of them
// through the ORM (docs/adr/0031-check-hot-path.md). The columns are UTC timestamps
// without a zone (as Prisma writes them): times go in as ISO text read as UTC, and come
// back as epoch milliseconds, so neither side depends on a time zone setting.
import type { Sql } from "@/lib/db/sql";
import { MAX_ATTEMPTS } from "@/lib/checks/codes";
import { log } from "@/lib/log";
import { every } from "@/lib/ops/pending-writes";
import { outboxWrite } from "@/lib/sms/outbox";
import type { OutboxRow } from "@/lib/sms/provider";

const UTC = (n: number) => `($${n}::timestamptz AT TIME ZONE 'UTC')`;
const MS = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

/** A new check, and the outbox's row when the outbox is the provider: one statement, one commit. */
const INSERT = {
  name: "check_insert",
  text: `WITH ${outboxWrite("$6::text", "$7::text")}
    INSERT INTO phone_check (id, sealed_phone, code_hash, limiter_digest, expires_at, created_at)
    VALUES ($1, $2, $3, $4, ${UTC(5)}, ${UTC(8)})`,
};

export type NewCheck = {
  id: string;
  sealedPhone: Buffer;
  codeHash: Buffer;
  limiterDigest: string;
  expiresAt: Date;
  createdAt: Date;
};

export async function insertCheck(sql: Sql, check: NewCheck, outbox: OutboxRow | null): Promise<void> {
  await sql(INSERT, [
    check.id,
    check.sealedPhone,
    check.codeHash,
    check.limiterDigest,
    check.expiresAt.toISOString(),
    outbox?.to ?? null,
    outbox?.body ?? null,
    check.createdAt.toISOString(),
  ]);
}

/** A check as verifying reads it; a read takes no commit. */
const READ = {
  name: "check_read",
  text: `SELECT code_hash, sealed_phone, limiter_digest, attempts, completed_at IS NOT NULL AS completed,
      ${MS("expires_at")} AS expires_ms, ${MS("created_at")} AS created_ms
    FROM phone_check WHERE id = $1`,
};

export type CheckState = {
  codeHash: Buffer;
  /** Until the check completes: the number, sealed (lib/hashing/seal.ts). */
  sealedPhone: Buffer | null;
  limiterDigest: string | null;
  attempts: number;
  completed: boolean;
  expiresAt: Date;
  createdAt: Date;
};

type StateRow = {
  code_hash: Buffer;
  sealed_phone: Buffer | null;
  limiter_digest: string | null;
  attempts: number;
  completed: boolean;
  expires_ms: number;
  created_ms: number;
};

export async function readCheck(sql: Sql, id: string): Promise<CheckState | null> {
  const [row] = await sql<StateRow>(READ, [id]);
  if (!row) return null;
  return {
    codeHash: row.code_hash,
    sealedPhone: row.sealed_phone,
    limiterDigest: row.limiter_digest,
    attempts: row.attempts,
    completed: row.completed,
    expiresAt: new Date(row.expires_ms),
    createdAt: new Date(row.created_ms),
  };
}

/**
 * One try, counted atomically: the conditions hold at the write, whatever happened since
 * the read, so parallel guesses cannot exceed MAX_ATTEMPTS nor one code complete a check
 * twice. With the right code ($3) the same write completes the check and wipes the sealed
 * number and the limiter digest.
 */
const TRY = {
  name: "check_try",
  text: `UPDATE phone_check SET attempts = attempts + 1,
      completed_at = CASE WHEN $3::boolean THEN ${UTC(2)} END,
      sealed_phone = CASE WHEN $3::boolean THEN NULL ELSE sealed_phone END,
      limiter_digest = CASE WHEN $3::boolean THEN NULL ELSE limiter_digest END
    WHERE id = $1 AND completed_at IS NULL AND expires_at > ${UTC(2)} AND attempts < ${MAX_ATTEMPTS}
    RETURNING attempts`,
};

/** Counts a try, completing the check when `matched`: its attempts now, or null when it was not open for one. */
export async function tryCheck(sql: Sql, id: string, now: Date, matched: boolean): Promise<number | null> {
  const [row] = await sql<{ attempts: number }>(TRY, [id, now.toISOString(), matched]);
  return row ? row.attempts : null;
}

/** Ends a check's code early: a newer code was sent for the same number (lib/checks/resend-code.ts). */
const EXPIRE = {
  name: "check_expire",
  text: `UPDATE phone_check SET expires_at = ${UTC(2)} WHERE id = $1 AND expires_at > ${UTC(2)}`,
};

export async function expireCheck(sql: Sql, id: string, now: Date): Promise<void> {
  await sql(EXPIRE, [id, now.toISOString()]);
}

/** Checks that ended over an hour ago: kept that long to say "expired", not "unknown". */
export const CHECK_KEPT_MS = 3_600_000;
const SWEEP = { name: "check_sweep", text: `DELETE FROM phone_check WHERE expires_at < ${UTC(1)}` };

export async function sweepChecks(sql: Sql, now: Date): Promise<void> {
  await sql(SWEEP, [new Date(now.getTime() - CHECK_KEPT_MS).toISOString()]);
}

/**
 * Sweeps old checks every `intervalMs`, off the requests' path (one DELETE per start
 * before). Every process sweeps; a sweep that finds nothing costs an index probe.
 */
export function sweepChecksEvery(sql: Sql, now: () => Date, intervalMs = 60_000): () => void {
  return every(intervalMs, async () => {
    try {
      await sweepChecks(sql, now());
    } catch (e) {
      log.warn({ err: (e as Error).message }, "old checks not swept; trying again later");
    }
  });
}
