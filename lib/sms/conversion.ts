import "server-only";
import type { Logger } from "pino";
import type { Config } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { every, onShutdownFlush } from "@/lib/ops/pending-writes";
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
  /** Writes the counts held back (batched mode: the timer, shutdown, tests). */
  flush(): Promise<void>;
  /** An hour's counts: the total first, then prefixes by texts sent. */
  forHour(at: Date): Promise<ConversionRow[]>;
}

export type ConversionDeps = {
  db: Db;
  config: Config["smsConversion"] & Pick<Config["smsBudget"], "prefixDigits">;
  logger?: Logger;
  /**
   * Counts held in memory and written every `batchMs` (the app's setting), so a start
   * adds no write and no wait on the hour's total row, which every start of the fleet
   * bumps (docs/adr/0031-check-hot-path.md); an alert comes at most that much later.
   * Unset: each call writes at once.
   */
  batchMs?: number;
};

type Row = { prefix: string; sent: number; verified: number; alerted_at: Date | null };
type Pending = { hour: number; prefix: string; sent: number; verified: number; at: Date };

/**
 * Texts sent against codes verified, per hour and prefix: pumped texts go to numbers
 * nobody reads, so they show as many texts and almost no verifications. Flagged when
 * an hour's texts reach SMS_CONVERSION_MIN_SENT and the verified share is under
 * SMS_CONVERSION_MIN_RATIO. Counting never fails a check: a failing write is logged, and
 * its counts kept for the next.
 */
export function createConversionWatch(deps: ConversionDeps): ConversionWatch {
  const { db, config } = deps;
  const logger = deps.logger ?? log;
  const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
  const flagged = (r: { sent: number; verified: number }) =>
    r.sent >= config.minSent && r.verified / r.sent < config.minRatio;
  let pending = new Map<string, Pending>();
  let writing: Promise<void> = Promise.resolve();

  function add(e164: string, hour: Date, column: "sent" | "verified", at: Date) {
    for (const prefix of [numberPrefix(e164, config.prefixDigits), ALL_PREFIXES]) {
      const key = `${hour.getTime()} ${prefix}`;
      const row = pending.get(key) ?? { hour: hour.getTime(), prefix, sent: 0, verified: 0, at };
      row[column]++;
      row.at = at > row.at ? at : row.at;
      pending.set(key, row);
    }
  }

  // Every row in one statement, each hour's total last, so two nodes take the rows'
  // locks in the same order.
  async function bump(rows: Pending[]): Promise<(Row & { hour_ms: number })[]> {
    return db.$queryRaw<(Row & { hour_ms: number })[]>`
      INSERT INTO sms_hour_stat (hour, prefix, sent, verified)
      SELECT h::timestamptz AT TIME ZONE 'UTC', p, s, v
      FROM unnest(${rows.map((r) => new Date(r.hour).toISOString())}::text[], ${rows.map((r) => r.prefix)}::text[],
        ${rows.map((r) => r.sent)}::int[], ${rows.map((r) => r.verified)}::int[]) AS u(h, p, s, v)
      ON CONFLICT (hour, prefix) DO UPDATE SET
        sent = sms_hour_stat.sent + EXCLUDED.sent, verified = sms_hour_stat.verified + EXCLUDED.verified
      RETURNING (extract(epoch FROM hour) * 1000)::float8 AS hour_ms, prefix, sent, verified, alerted_at`;
  }

  async function write(): Promise<void> {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    const rows = [...batch.values()].sort(
      (a, b) => a.hour - b.hour || Number(a.prefix === ALL_PREFIXES) - Number(b.prefix === ALL_PREFIXES),
    );
    try {
      const written = await bump(rows);
      for (const row of written) {
        const hour = new Date(row.hour_ms);
        const mine = batch.get(`${row.hour_ms} ${row.prefix}`);
        if (!mine) continue;
        if (row.alerted_at === null && flagged(row)) await alert(row, hour, mine.at);
        // The hour's first texts clear out hours past keeping.
        if (row.prefix === ALL_PREFIXES && mine.sent > 0 && row.sent === mine.sent) {
          await db.$executeRaw`DELETE FROM sms_hour_stat WHERE hour < ${new Date(hour.getTime() - KEPT_MS)}`;
        }
      }
    } catch (e) {
      for (const [key, row] of batch) {
        const had = pending.get(key);
        pending.set(key, had ? { ...had, sent: had.sent + row.sent, verified: had.verified + row.verified } : row);
      }
      logger.warn({ err: (e as Error).message }, "SMS conversion counter not updated");
    }
  }
  const flush = () => (writing = writing.then(write));
  if (deps.batchMs !== undefined) {
    every(deps.batchMs, flush);
    onShutdownFlush(flush);
  }
  const record = async (e164: string, hour: Date, column: "sent" | "verified", at: Date) => {
    add(e164, hour, column, at);
    if (deps.batchMs === undefined) await flush();
  };

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
    recordSent: (e164, at) => record(e164, hourOf(at), "sent", at),
    recordVerified: (e164, sentAt) => record(e164, hourOf(sentAt), "verified", sentAt),
    flush,
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
