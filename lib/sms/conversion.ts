import "server-only";
import type { Logger } from "pino";
import type { Config } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { numberPrefix } from "@/lib/sms/prefix";

const HOUR_MS = 3_600_000;
/** The hour's total, beside its prefixes. */
export const ALL_PREFIXES = "*";
/** Hours kept for the dashboard. */
const KEPT_MS = 30 * 24 * HOUR_MS;

export type ConversionRow = {
  prefix: string;
  sent: number;
  verified: number;
  flagged: boolean;
  alertedAt: Date | null;
};

export interface ConversionWatch {
  /** Counts a text sent, and logs an error (once per prefix and hour) when its prefix looks pumped. */
  recordSent(e164: string, at: Date): Promise<void>;
  /** Counts a code verified, in the hour its text was sent (the check's creation). */
  recordVerified(e164: string, sentAt: Date): Promise<void>;
  /** An hour's counts: the total first, then prefixes by texts sent. */
  forHour(at: Date): Promise<ConversionRow[]>;
}

export type ConversionDeps = {
  db: Db;
  config: Config["smsConversion"] & Pick<Config["smsBudget"], "prefixDigits">;
  logger?: Logger;
};

type Row = { prefix: string; sent: number; verified: number; alerted_at: Date | null };

/**
 * Texts sent against codes verified, per hour and prefix: pumped texts go to numbers
 * nobody reads, so they show as many texts and almost no verifications. Flagged when
 * an hour's texts reach SMS_CONVERSION_MIN_SENT and the verified share is under
 * SMS_CONVERSION_MIN_RATIO. Counting never fails a check: a failing counter is logged.
 */
export function createConversionWatch(deps: ConversionDeps): ConversionWatch {
  const { db, config } = deps;
  const logger = deps.logger ?? log;
  const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
  const flagged = (r: { sent: number; verified: number }) =>
    r.sent >= config.minSent && r.verified / r.sent < config.minRatio;

  // Both rows in one statement, the total last in every statement, so two nodes take
  // the rows' locks in the same order.
  async function bump(e164: string, hour: Date, column: "sent" | "verified"): Promise<Row[]> {
    const prefix = numberPrefix(e164, config.prefixDigits);
    const [s, v] = column === "sent" ? [1, 0] : [0, 1];
    return db.$queryRaw<Row[]>`
      INSERT INTO sms_hour_stat (hour, prefix, sent, verified)
      VALUES (${hour}, ${prefix}, ${s}, ${v}), (${hour}, ${ALL_PREFIXES}, ${s}, ${v})
      ON CONFLICT (hour, prefix) DO UPDATE SET
        sent = sms_hour_stat.sent + EXCLUDED.sent, verified = sms_hour_stat.verified + EXCLUDED.verified
      RETURNING prefix, sent, verified, alerted_at`;
  }

  async function alert(row: Row, hour: Date, at: Date): Promise<void> {
    // Once per prefix and hour across nodes: the node whose update sets alerted_at logs.
    const claimed = await db.$executeRaw`
      UPDATE sms_hour_stat SET alerted_at = ${at}
      WHERE hour = ${hour} AND prefix = ${row.prefix} AND alerted_at IS NULL`;
    if (claimed !== 1) return;
    const what = row.prefix === ALL_PREFIXES ? "Texts" : `Texts to ${row.prefix}`;
    const percent = Math.round((100 * row.verified) / row.sent);
    logger.error(
      { prefix: row.prefix, hour: hour.toISOString(), sent: row.sent, verified: row.verified },
      `${what} are rarely verified: ${row.verified} of ${row.sent} sent this hour (${percent}%). Possible SMS pumping: look at the dashboard, pause texts or lower the budgets.`,
    );
  }

  return {
    async recordSent(e164, at) {
      const hour = hourOf(at);
      try {
        const rows = await bump(e164, hour, "sent");
        for (const row of rows) if (row.alerted_at === null && flagged(row)) await alert(row, hour, at);
        // The hour's first text clears out hours past keeping.
        if (rows.some((r) => r.prefix === ALL_PREFIXES && r.sent === 1)) {
          await db.$executeRaw`DELETE FROM sms_hour_stat WHERE hour < ${new Date(hour.getTime() - KEPT_MS)}`;
        }
      } catch (e) {
        logger.warn({ err: (e as Error).message }, "SMS conversion counter not updated");
      }
    },
    async recordVerified(e164, sentAt) {
      try {
        await bump(e164, hourOf(sentAt), "verified");
      } catch (e) {
        logger.warn({ err: (e as Error).message }, "SMS conversion counter not updated");
      }
    },
    async forHour(at) {
      const rows = await db.$queryRaw<Row[]>`
        SELECT prefix, sent, verified, alerted_at FROM sms_hour_stat WHERE hour = ${hourOf(at)}
        ORDER BY prefix = ${ALL_PREFIXES} DESC, sent DESC, prefix`;
      return rows.map((r) => ({
        prefix: r.prefix,
        sent: r.sent,
        verified: r.verified,
        flagged: flagged(r),
        alertedAt: r.alerted_at,
      }));
    },
  };
}
