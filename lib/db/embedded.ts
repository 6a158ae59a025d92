import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
 */
export async function startEmbeddedDb(dataDir: string | "memory"): Promise<EmbeddedDb> {
  if (dataDir !== "memory") mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir === "memory" ? undefined : dataDir);
  const server = new PgliteServer(db);
  const port = await server.listen("127.0.0.1", 0);
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.close();
      await db.close();
    },
  };
}

/**
 * The lookup secret for the embedded database: generated on first start into a file
 * beside the data (git-ignored, owner-only), so hashes stay valid across restarts.
 */
export function embeddedSecret(dir: string): string {
  const file = path.join(dir, "lookup-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
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
