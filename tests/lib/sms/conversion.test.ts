// Texts sent against codes verified, per hour and prefix. Every test uses an hour of its
// own, far from now, since the project's database is shared by the whole run.
import { randomInt } from "node:crypto";
import type { Logger } from "pino";
import { afterAll, describe, expect, it, vi } from "vitest";
import { getDb, type Db } from "@/lib/db/client";
import { ALL_PREFIXES, createConversionWatch } from "@/lib/sms/conversion";

const HOUR = 3_600_000;
const config = { minSent: 5, minRatio: 0.5, prefixDigits: 5 };

function ownHour(): Date {
  return new Date(Date.UTC(2045, 0, 1) + randomInt(0, 1_000_000) * HOUR);
}

function logger() {
  return { error: vi.fn(), warn: vi.fn() } as unknown as Logger & {
    error: ReturnType<typeof vi.fn>;
    warn: ReturnType<typeof vi.fn>;
  };
}

const hours: Date[] = [];
afterAll(async () => {
  await getDb().$executeRaw`DELETE FROM sms_hour_stat WHERE hour = ANY(${hours})`;
});

function setup() {
  const hour = ownHour();
  hours.push(hour);
  const log = logger();
  return { hour, log, watch: createConversionWatch({ db: getDb(), config, logger: log }) };
}

describe("conversion watch", () => {
  it("counts texts and verifications per prefix and in all, by the hour the text was sent", async () => {
    const { hour, watch } = setup();
    const at = new Date(hour.getTime() + 10 * 60_000);
    await watch.recordSent("+12065550100", at);
    await watch.recordSent("+12065550101", at);
    await watch.recordSent("+447946000000", at);
    // Verified just after the hour ended: still counted in the hour of its text.
    await watch.recordVerified("+12065550100", at);
    expect(await watch.forHour(new Date(hour.getTime() + HOUR - 1))).toEqual([
      { prefix: ALL_PREFIXES, sent: 3, verified: 1, flagged: false, alertedAt: null },
      { prefix: "+1206", sent: 2, verified: 1, flagged: false, alertedAt: null },
      { prefix: "+44794", sent: 1, verified: 0, flagged: false, alertedAt: null },
    ]);
    expect(await watch.forHour(new Date(hour.getTime() + HOUR))).toEqual([]);
  });

  it("flags a prefix with many texts and few verifications, logging once per hour across nodes", async () => {
    const { hour, watch, log } = setup();
    const other = logger();
    const node2 = createConversionWatch({ db: getDb(), config, logger: other });
    for (let i = 0; i < 4; i++) await watch.recordSent(`+1206555010${i}`, hour);
    expect(log.error).not.toHaveBeenCalled(); // under the floor of 5
    await node2.recordSent("+12065550104", hour);
    for (let i = 5; i < 9; i++) await (i % 2 ? watch : node2).recordSent(`+1206555010${i}`, hour);

    const errors = [...log.error.mock.calls, ...other.error.mock.calls] as [Record<string, unknown>, string][];
    expect(errors.map(([fields]) => fields.prefix).sort()).toEqual([ALL_PREFIXES, "+1206"]);
    const [fields, message] = errors.find(([f]) => f.prefix === "+1206")!;
    expect(fields).toEqual({ prefix: "+1206", hour: hour.toISOString(), sent: 5, verified: 0 });
    expect(message).toMatch(/^Texts to \+1206 are rarely verified: 0 of 5 sent this hour \(0%\)\./);
    const rows = await watch.forHour(hour);
    expect(rows.map((r) => [r.prefix, r.sent, r.flagged, r.alertedAt instanceof Date])).toEqual([
      [ALL_PREFIXES, 9, true, true],
      ["+1206", 9, true, true],
    ]);
  });

  it("leaves a prefix alone while its codes are verified", async () => {
    const { hour, watch, log } = setup();
    for (let i = 0; i < 10; i++) {
      await watch.recordSent(`+1212555010${i}`, hour);
      if (i % 4) await watch.recordVerified(`+1212555010${i}`, hour);
    }
    expect(log.error).not.toHaveBeenCalled();
    expect(await watch.forHour(hour)).toContainEqual({
      prefix: "+1212",
      sent: 10,
      verified: 7,
      flagged: false,
      alertedAt: null,
    });
  });

  it("keeps 30 days of hours, cleared by each hour's first text", async () => {
    const { hour, watch } = setup();
    const old = new Date(hour.getTime() - 31 * 24 * HOUR);
    const recent = new Date(hour.getTime() - 29 * 24 * HOUR);
    hours.push(old, recent);
    await watch.recordSent("+12065550100", old);
    await watch.recordSent("+12065550100", recent);
    await watch.recordSent("+12065550100", hour);
    expect(await watch.forHour(old)).toEqual([]);
    expect(await watch.forHour(recent)).toHaveLength(2);
  });

  it("never fails a check: a counter that cannot be written is logged", async () => {
    const log = logger();
    const broken = { $queryRaw: () => Promise.reject(new Error("database unavailable")) } as unknown as Db;
    const watch = createConversionWatch({ db: broken, config, logger: log });
    await watch.recordSent("+12065550100", new Date());
    await watch.recordVerified("+12065550100", new Date());
    expect(log.warn).toHaveBeenCalledTimes(2);
  });
});
