// Metrics read at scrape time rather than counted: the event loop and the runtime
// (prom-client's defaults), the database pools, and the imports running anywhere
// (their progress lives in import_batch, written by the importer's own process).
import { collectDefaultMetrics, Gauge } from "prom-client";
import { getDb, getPool, openPools } from "@/lib/db/client";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics/registry";
import { checkReadiness } from "@/lib/ops/readiness";

const STARTED = Symbol.for("exposure-check.metrics.collectors");

type RunningBatch = { id: number; rows: number; bytes_read: string; bytes_total: string; seconds: number };

/** Running batches whose importer is alive (a stale heartbeat means it died). */
const RUNNING = `
  SELECT id, rows, bytes_read::text, bytes_total::text,
         extract(epoch FROM now() - created_at)::float8 AS seconds
  FROM import_batch
  WHERE status = 'running' AND heartbeat_at > now() - interval '1 minute'
  ORDER BY id`;

/**
 * Registers the scrape-time metrics in this process's registry, once. Only a server
 * calls it: CLIs and tests keep no event-loop monitor running.
 */
export function collectProcessMetrics(): void {
  const g = globalThis as unknown as { [STARTED]?: true };
  if (g[STARTED]) return;
  g[STARTED] = true;
  const { registry } = metrics();
  const registers = [registry];
  // Event-loop delay (nodejs_eventloop_lag_*), heap, GC, handles, CPU and memory.
  collectDefaultMetrics({ register: registry });

  new Gauge({
    name: "exposure_ready",
    help: "1 when this node should get traffic, as GET /api/ready answers (database, migrations, not draining).",
    registers,
    // Under node:cluster the node is ready only if every app process is.
    aggregator: "min",
    async collect() {
      this.set((await checkReadiness(getDb()).catch(() => ({ ready: false }))).ready ? 1 : 0);
    },
  });

  const poolGauge = (
    name: string,
    help: string,
    read: (p: { totalCount: number; idleCount: number; waitingCount: number }) => number,
  ) =>
    new Gauge({
      name,
      help,
      labelNames: ["pool"] as const,
      registers,
      collect() {
        this.reset();
        for (const { name: pool, pool: p } of openPools()) this.set({ pool }, read(p));
      },
    });
  poolGauge("exposure_db_pool_connections", "Open database connections, by pool (app, lookup).", (p) => p.totalCount);
  poolGauge("exposure_db_pool_idle", "Idle database connections, by pool.", (p) => p.idleCount);
  poolGauge(
    "exposure_db_pool_waiting",
    "Queries waiting for a database connection, by pool: above zero, the pool is too small or the database slow.",
    (p) => p.waitingCount,
  );

  // One query per scrape, shared by the four gauges (a registry collects them side by side).
  let read: { at: number; batches: Promise<RunningBatch[] | null> } | undefined;
  const running = () => {
    if (!read || performance.now() - read.at > 1000) {
      const batches = Promise.resolve()
        .then(() => getPool().query<RunningBatch>(RUNNING))
        .then((r) => r.rows)
        .catch((err: unknown) => {
          // A scrape must answer while the database is away; /api/ready reports that.
          log.debug({ err }, "import metrics not read");
          return null;
        });
      read = { at: performance.now(), batches };
    }
    return read.batches;
  };
  // Every app process reads the same rows: under node:cluster take one, not their sum.
  const perBatch = (name: string, help: string, value: (b: RunningBatch) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ["batch"] as const,
      registers,
      aggregator: "max",
      async collect() {
        const batches = await running();
        this.reset();
        for (const b of batches ?? []) this.set({ batch: String(b.id) }, value(b));
      },
    });
  perBatch("exposure_import_rows", "Rows read so far by each running import batch.", (b) => b.rows);
  perBatch("exposure_import_rows_per_second", "Rows per second of each running import batch.", (b) =>
    b.seconds > 0 ? Math.round(b.rows / b.seconds) : 0,
  );
  perBatch("exposure_import_progress_ratio", "Share of the file read (0 to 1), per running batch.", (b) => {
    const total = Number(b.bytes_total);
    return total > 0 ? Math.min(1, Number(b.bytes_read) / total) : 0;
  });
  new Gauge({
    name: "exposure_imports_running",
    help: "Import batches running now (with a live importer).",
    registers,
    aggregator: "max",
    async collect() {
      const batches = await running();
      this.reset();
      if (batches) this.set(batches.length);
    },
  });
}
