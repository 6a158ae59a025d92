import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { isDraining } from "@/lib/ops/draining";

export type NotReadyReason = "draining" | "database_unavailable" | "migrations_pending" | "migrations_unknown";
export type Readiness = { ready: true } | { ready: false; reason: NotReadyReason; pending?: number };

/** The app runs from its checkout (npm start, cwd = the project root). */
export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
const DB_TIMEOUT_MS = 2_000;

const known = new Map<string, Promise<string[] | null>>();

/** Migration directory names shipped with this build; read once, they cannot change. */
function migrationNames(dir: string): Promise<string[] | null> {
  let names = known.get(dir);
  if (!names) {
    names = readdir(dir, { withFileTypes: true }).then(
      (entries) => entries.filter((e) => e.isDirectory()).map((e) => e.name),
      () => null,
    );
    known.set(dir, names);
  }
  return names;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Ready = not draining, the database answers, and every migration in prisma/migrations
 * is applied (a row in _prisma_migrations, finished and not rolled back). Applied
 * migrations this build does not know are fine: a newer node migrated first.
 */
export async function checkReadiness(
  db: Db,
  opts: { migrationsDir?: string; timeoutMs?: number } = {},
): Promise<Readiness> {
  if (isDraining()) return { ready: false, reason: "draining" };
  const expected = await migrationNames(opts.migrationsDir ?? MIGRATIONS_DIR);
  if (!expected) return report({ ready: false, reason: "migrations_unknown" });
  let applied: Set<string>;
  try {
    applied = await withTimeout(appliedMigrations(db), opts.timeoutMs ?? DB_TIMEOUT_MS);
  } catch (error) {
    return report({ ready: false, reason: "database_unavailable" }, error);
  }
  const pending = expected.filter((name) => !applied.has(name)).length;
  return report(pending ? { ready: false, reason: "migrations_pending", pending } : { ready: true });
}

async function appliedMigrations(db: Db): Promise<Set<string>> {
  const [{ present }] = await db.$queryRaw<
    [{ present: boolean }]
  >`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
  if (!present) return new Set();
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return new Set(rows.map((r) => r.migration_name));
}

let lastReason: string | undefined;

/** Logs changes of state only: probes come every few seconds. */
function report(readiness: Readiness, error?: unknown): Readiness {
  const reason = readiness.ready ? "ready" : readiness.reason;
  if (reason !== lastReason) {
    if (readiness.ready) log.info("ready: database answers and every migration is applied");
    else log.warn({ reason, pending: readiness.pending, err: error }, "not ready");
    lastReason = reason;
  }
  return readiness;
}
