import { randomBytes } from "node:crypto";
import { Client } from "pg";

/** The PostgreSQL these machines run (trust auth); override with TEST_POSTGRES_URL. */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Why PostgreSQL cannot be reached, or null when it answers. */
export async function postgresProblem(): Promise<string | null> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Whether a real PostgreSQL answers. Without one the tests that need it are skipped
 * with a message, except under CI=true, where a missing server is a failure.
 */
export async function postgresAvailable(): Promise<boolean> {
  const why = await postgresProblem();
  if (why === null) return true;
  if (process.env.CI === "true") throw new Error(`${why} (CI needs it)`);
  console.warn(`${why}; skipping the tests that need it.`);
  return false;
}

// Scratch databases are named NAME_pPID_RANDOM: unique, so test projects, runs and other
// people's runs on the same server never share or drop each other's; the pid lets a
// later run drop what a killed one left behind.
const SCRATCH = /^(exposure_[a-z0-9_]*)_p(\d+)_[0-9a-f]{6}$/;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, empty database whose name starts with `name` (exposure_…); returns its URL. */
export async function scratchDatabase(name: string): Promise<string> {
  if (!/^exposure_[a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const db = `${name}_p${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${db}`);
  } finally {
    await admin.end();
  }
  return withDatabase(POSTGRES_ADMIN_URL, db);
}

/** Drops a scratch database, ending any session still on it (an importer the test left running). */
export async function dropScratchDatabase(url: string): Promise<void> {
  const db = new URL(url).pathname.slice(1);
  if (!SCRATCH.test(db)) throw new Error(`not a scratch database: ${db}`);
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * Drops scratch databases whose process is gone (a run that was killed), on a server on
 * this machine only: elsewhere a pid says nothing. Databases still in use are left.
 */
export async function dropAbandonedScratchDatabases(): Promise<void> {
  const host = new URL(POSTGRES_ADMIN_URL).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]", ""].includes(host)) return;
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'exposure\\_%'`,
    );
    for (const { datname } of rows) {
      const pid = Number(SCRATCH.exec(datname)?.[2] ?? NaN);
      if (!Number.isInteger(pid) || alive(pid)) continue;
      await admin.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => {});
    }
  } finally {
    await admin.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Every row of every table of a database, as text (to search for what must not be stored). */
export async function databaseText(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    let text = "";
    for (const { name } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
      text += `${name}\n${rows.map((r) => r.row).join("\n")}\n`;
    }
    return text;
  } finally {
    await client.end();
  }
}
