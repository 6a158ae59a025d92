import { Client } from "pg";

/** The PostgreSQL these machines run (trust auth); override with TEST_POSTGRES_URL. */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * Whether a real PostgreSQL answers. Without one the tests that need it are skipped
 * with a message, except under CI=true, where a missing server is a failure.
 */
export async function postgresAvailable(): Promise<boolean> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    const why = `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}: ${(error as Error).message}`;
    if (process.env.CI === "true") throw new Error(`${why} (CI needs it)`);
    console.warn(`${why}; skipping the tests that need it.`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh, empty database of that name (dropped first if left over); returns its URL. */
export async function scratchDatabase(name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return POSTGRES_ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
}
