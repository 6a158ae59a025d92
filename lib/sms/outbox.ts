import type { Db } from "@/lib/db/client";
import { maskPhone } from "@/lib/phone/mask";
import type { SmsProvider } from "@/lib/sms/provider";

export const OUTBOX_SIZE = 50;

export type OutboxMessage = { to: string; body: string; sentAt: string };

/**
 * The demo provider: sends nothing, keeps the last messages with the number masked,
 * in the database so every server process sees the same outbox.
 */
export function outboxProvider(db: Db): SmsProvider {
  return {
    name: "outbox",
    async send(toE164, body) {
      await db.outboxMessage.create({ data: { to: maskPhone(toE164), body } });
      // Keep the table small: drop all but the newest OUTBOX_SIZE messages.
      await db.$executeRaw`DELETE FROM outbox_message WHERE id <= (SELECT id FROM outbox_message ORDER BY id DESC OFFSET ${OUTBOX_SIZE} LIMIT 1)`;
    },
  };
}

export async function readOutbox(db: Db): Promise<OutboxMessage[]> {
  const rows = await db.outboxMessage.findMany({ orderBy: { id: "desc" }, take: OUTBOX_SIZE });
  return rows.map((r) => ({ to: r.to, body: r.body, sentAt: r.sentAt.toISOString() }));
}
