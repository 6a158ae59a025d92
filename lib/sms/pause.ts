import type { Db } from "@/lib/db/client";

/** An owner's pause of every text: since when and by whom (null: the command line). */
export type Pause = { since: Date; by: string | null };

/** Whether texts are paused by hand: one row in sms_pause while they are. */
export async function readPause(db: Db): Promise<Pause | null> {
  const [row] = await db.$queryRaw<{ paused_at: Date; paused_by: string | null }[]>`
    SELECT paused_at, paused_by FROM sms_pause WHERE id = 1`;
  return row ? { since: row.paused_at, by: row.paused_by } : null;
}

/** Pauses every text; false when they already were (the first pause is kept). */
export async function setPause(db: Db, by: string | null, at: Date): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO sms_pause (id, paused_at, paused_by) VALUES (1, ${at}, ${by}) ON CONFLICT (id) DO NOTHING`;
  return inserted === 1;
}

/** Resumes texts; false when they were not paused. */
export async function clearPause(db: Db): Promise<boolean> {
  return (await db.$executeRaw`DELETE FROM sms_pause WHERE id = 1`) === 1;
}
