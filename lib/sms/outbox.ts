import type { Db } from "@/lib/db/client";
import { maskPhone } from "@/lib/phone/mask";
import type { SmsProvider } from "@/lib/sms/provider";

export const OUTBOX_SIZE = 50;

export type OutboxMessage = { to: string; body: string; sentAt: string };

/**
 * The outbox's write, as SQL to put in a statement's WITH list (the start's, or send()'s
 * alone): inserts the row given by the parameters `to` and `body` (both NULL: nothing) and
 * keeps the table small, dropping all but the newest OUTBOX_SIZE messages. All parts of a
 * statement see the table as it was before it, so the trim keeps OUTBOX_SIZE - 1 of those.
 */
export function outboxWrite(to: string, body: string): string {
  return `outbox_insert AS (
      INSERT INTO outbox_message ("to", body) SELECT ${to}, ${body} WHERE ${to} IS NOT NULL),
    outbox_trim AS (
      DELETE FROM outbox_message WHERE ${to} IS NOT NULL
        AND id <= (SELECT id FROM outbox_message ORDER BY id DESC OFFSET ${OUTBOX_SIZE - 1} LIMIT 1))`;
}

/**
 * The demo provider: sends nothing, keeps the last messages with the number masked,
 * in the database so every server process sees the same outbox. The start of a check
 * writes its row itself (outboxRow); send() is for anything else.
 */
export function outboxProvider(db: Db): SmsProvider {
  return {
    name: "outbox",
    outboxRow: (toE164, body) => ({ to: maskPhone(toE164), body }),
    async send(toE164, body) {
      await db.$executeRawUnsafe(`WITH ${outboxWrite("$1::text", "$2::text")} SELECT 1`, maskPhone(toE164), body);
    },
  };
}

export async function readOutbox(db: Db): Promise<OutboxMessage[]> {
  const rows = await db.outboxMessage.findMany({ orderBy: { id: "desc" }, take: OUTBOX_SIZE });
  return rows.map((r) => ({ to: r.to, body: r.body, sentAt: r.sentAt.toISOString() }));
}
