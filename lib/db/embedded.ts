import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PgliteServer } from "@/lib/db/pglite-server";

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

/**
 * The embedded default: real PostgreSQL (PGlite, in wasm) served on a random loopback
 * port (lib/db/pglite-server.ts), so the app and the Prisma CLI talk to it exactly as
 * to an external server.
 * Only one process may open a data directory; "memory" keeps nothing.
 * See docs/adr/0013-embedded-postgres-own-server.md.
 *
 * The server asks every connection for `password` (random when not given, e.g. in
 * memory); the URL returned carries it, and is what the app's pool, the CLIs and Prisma
 * are handed.
 */
export async function startEmbeddedDb(
  dataDir: string | "memory",
  opts: { password?: string } = {},
): Promise<EmbeddedDb> {
  if (dataDir !== "memory") privateDir(dataDir);
  const db = await PGlite.create(dataDir === "memory" ? undefined : dataDir);
  const password = opts.password ?? randomBytes(24).toString("hex");
  const server = new PgliteServer(db, { password });
  const port = await server.listen("127.0.0.1", 0);
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.close();
      await db.close();
    },
  };
}

/**
 * A directory only its owner can enter (0700), made or tightened: what is inside (the
 * database files PGlite writes with the process's umask, the secrets) is then out of
 * other local users' reach whatever their own modes.
 */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Thrown at start when a secret file is open to other users; the message is the fix. */
export class UnsafeSecretFile extends Error {}

/**
 * A secret kept in a file of DATA_DIR: generated on first start (0600, in a 0700
 * directory), read afterwards. One readable by group or others stops the start, with
 * the one-line fix: a copy may already have leaked, and we will not keep using it silently.
 */
function secretFile(dir: string, name: string, bytes: number): string {
  const file = path.join(dir, name);
  privateDir(dir);
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o077) !== 0)
      throw new UnsafeSecretFile(
        `${file} is readable by other users: run \`chmod 600 ${file}\` (and consider it leaked)`,
      );
    return readFileSync(file, "utf8").trim();
  }
  const secret = randomBytes(bytes).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * The lookup secret for the embedded database: generated on first start into a file
 * beside the data (git-ignored, owner-only), so hashes stay valid across restarts.
 */
export function embeddedSecret(dir: string): string {
  return secretFile(dir, "lookup-secret", 32);
}

/** The password the embedded database's wire server asks for, kept like the secret. */
export function embeddedDbPassword(dir: string): string {
  return secretFile(dir, "db-password", 24);
}

/** Where a running launcher says its embedded database listens, so CLIs can share it. */
export function embeddedUrlFile(dir: string): string {
  return path.join(dir, "embedded-db.json");
}

export function writeEmbeddedUrl(dir: string, url: string): void {
  writeFileSync(embeddedUrlFile(dir), JSON.stringify({ url, pid: process.pid }), { mode: 0o600 });
}

/** The URL of the embedded database another process serves right now, if any. */
export function runningEmbeddedUrl(dir: string): string | null {
  try {
    const { url, pid } = JSON.parse(readFileSync(embeddedUrlFile(dir), "utf8")) as { url: string; pid: number };
    process.kill(pid, 0);
    return url;
  } catch {
    return null;
  }
}
