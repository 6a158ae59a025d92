import { z } from "zod";
import { actedBy, recordAudit, type AuditCtx } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { confirmed } from "@/lib/validation/confirm";
import { parseInput } from "@/lib/validation/parse-input";

/** An owner's pause of every text: since when and by whom (null: the command line). */
export type Pause = { since: Date; by: string | null };

/** Where the pause row is written: the client or a transaction. */
type Writer = Pick<Db, "$executeRaw">;

/** Whether texts are paused by hand: one row in sms_pause while they are. */
export async function readPause(db: Db): Promise<Pause | null> {
  const [row] = await db.$queryRaw<{ paused_at: Date; paused_by: string | null }[]>`
    SELECT paused_at, paused_by FROM sms_pause WHERE id = 1`;
  return row ? { since: row.paused_at, by: row.paused_by } : null;
}

/** Pauses every text; false when they already were (the first pause is kept). */
export async function setPause(db: Writer, by: string | null, at: Date): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO sms_pause (id, paused_at, paused_by) VALUES (1, ${at}, ${by}) ON CONFLICT (id) DO NOTHING`;
  return inserted === 1;
}

/** Resumes texts; false when they were not paused. */
export async function clearPause(db: Writer): Promise<boolean> {
  return (await db.$executeRaw`DELETE FROM sms_pause WHERE id = 1`) === 1;
}

/** Pausing stops every customer's code: it is confirmed explicitly. */
export const PauseTextsInput = z.object({ confirm: confirmed("errors.sms_pause_confirm") });

/**
 * An owner's pause of every text, from the console, audited in the same transaction. Every
 * node sees it within the budgets' pause cache (lib/sms/budget.ts); starts answer
 * sms_paused until resumeTexts().
 */
export async function pauseTexts(
  db: Db,
  input: unknown,
  ctx: AuditCtx,
  now = new Date(),
): Promise<{ changed: boolean }> {
  parseInput(PauseTextsInput, input);
  return db.$transaction(async (tx) => {
    const changed = await setPause(tx, ctx.actor.email, now);
    if (changed) await recordAudit(tx, { ...actedBy(ctx), action: "sms_paused" });
    return { changed };
  });
}

/** Resumes texts after a pause, audited in the same transaction. */
export async function resumeTexts(db: Db, ctx: AuditCtx): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const changed = await clearPause(tx);
    if (changed) await recordAudit(tx, { ...actedBy(ctx), action: "sms_resumed" });
    return { changed };
  });
}
