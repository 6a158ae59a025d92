import type { Sql } from "@/lib/db/sql";
import { auditRow, type AuditEntry } from "@/lib/audit/record";
import { log } from "@/lib/log";

/** Where entries of a high-rate path go: written in batches, not one insert per request. */
export type AuditSink = {
  add(entry: AuditEntry): void;
  /** Writes what is queued now (tests, shutdown). */
  flush(): Promise<void>;
};

export type BatchOptions = { delayMs?: number; maxBatch?: number; maxQueued?: number };

const INSERT = {
  name: "audit_batch_insert",
  text: `INSERT INTO audit_log (actor_id, actor_email, action, target, details, ip)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[])`,
};

/**
 * The integration API audits every call; at thousands of calls a second one insert (and
 * one commit) per call would cost more than the lookup. Entries are queued and written
 * by one multi-row insert at most `delayMs` later (or at `maxBatch` entries). A failed
 * write keeps the entries for the next try, up to `maxQueued`; past that the oldest are
 * dropped with an error line, so a database outage cannot exhaust memory. A process
 * killed outright loses at most the last `delayMs` of entries (docs/adr/0012-lean-lookup-path.md).
 */
export function batchedAudit(
  sql: Sql,
  { delayMs = 200, maxBatch = 1000, maxQueued = 100_000 }: BatchOptions = {},
): AuditSink {
  let queue: ReturnType<typeof auditRow>[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const write = async () => {
    timer = undefined;
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        await sql(INSERT, [
          batch.map((r) => r.actorId),
          batch.map((r) => r.actorEmail),
          batch.map((r) => r.action),
          batch.map((r) => r.target),
          batch.map((r) => JSON.stringify(r.details)),
          batch.map((r) => r.ip),
        ]);
      } catch (err) {
        queue = batch.concat(queue);
        log.error({ err, queued: queue.length }, "audit entries not written yet; retrying");
        schedule();
        return;
      }
    }
  };
  const flush = () => (writing = writing.then(write));
  function schedule() {
    timer ??= setTimeout(() => void flush(), delayMs);
    // A batch waiting for its moment must not keep a finished process alive.
    timer.unref();
  }

  const sink: AuditSink = {
    add(entry) {
      queue.push(auditRow(entry));
      if (queue.length > maxQueued) {
        const dropped = queue.length - maxQueued;
        queue = queue.slice(dropped);
        log.error({ dropped }, "audit queue full while the database is unreachable: oldest entries dropped");
      }
      if (queue.length >= maxBatch) void flush();
      else schedule();
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await flush();
    },
  };
  sinks().add(sink);
  return sink;
}

// On globalThis: the server and Next.js each hold a copy of this module, and shutdown
// must drain the queues of both.
const SINKS = Symbol.for("exposure-check.audit-sinks");
function sinks(): Set<AuditSink> {
  const g = globalThis as unknown as { [SINKS]?: Set<AuditSink> };
  return (g[SINKS] ??= new Set());
}

/** Writes every batched entry of this process still queued (graceful shutdown). */
export async function flushAuditSinks(): Promise<void> {
  await Promise.all([...sinks()].map((s) => s.flush()));
}
