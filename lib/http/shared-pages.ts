import { createHash } from "node:crypto";
import type { Config } from "@/lib/config";
import type { Sql } from "@/lib/db/sql";
import type { CachedPage, SharedPages } from "@/lib/http/page-cache";

/**
 * The rendered shared pages, kept in the database so that every process of every node
 * serves the first render's bytes and ETag (ADR 39): two renders of one page may stream
 * React's payload in a different order, and a shared cache revalidating against another
 * process would otherwise refetch the page. Few rows: one per build, content version and
 * page.
 */
const GET = { name: "shared_page_get", text: "SELECT headers, body FROM shared_page WHERE key = $1" };
const CLAIM = {
  name: "shared_page_claim",
  text:
    "INSERT INTO shared_page (key, version, headers, body) VALUES ($1, $2, $3, $4) " +
    "ON CONFLICT (key) DO NOTHING RETURNING key",
};
// Pages of other versions go once no node can still be serving them from this store:
// a node reads a new version within a second, the grace covers a node lagging behind.
const SWEEP = {
  name: "shared_page_sweep",
  text: "DELETE FROM shared_page WHERE version <> $1 AND created_at < now() - interval '10 minutes'",
};

type Row = { headers: Record<string, string>; body: Buffer };

export function databasePages(sql: Sql): SharedPages {
  const get = async (key: string): Promise<CachedPage | null> => {
    const [row] = await sql<Row>(GET, [key]);
    return row ? { headers: row.headers, body: row.body, etag: row.headers["etag"]! } : null;
  };
  return {
    get,
    async claim(key, version, page) {
      const inserted = await sql(CLAIM, [key, version, JSON.stringify(page.headers), page.body]);
      if (inserted.length > 0) {
        await sql(SWEEP, [version]);
        return page;
      }
      // Another process kept its render first: that one is the page.
      return (await get(key)) ?? page;
    },
  };
}

// Settings that differ between nodes or processes of one deployment without changing a page.
const NODE_LOCAL = new Set([
  "listen",
  "webConcurrency",
  "shed",
  "lookupIsolation",
  "metrics",
  "logLevel",
  "dbTimeouts",
  "databaseUrl",
]);

/**
 * Which pages a process may share: those of its build (a page names the build's script
 * files) rendered under the same settings (the challenge, the SMS provider, the carrier's
 * defaults show on pages), so a restart with other settings never serves older pages.
 */
export function pageScope(buildId: string, config: Config): string {
  const shown = Object.entries(config).filter(([name]) => !NODE_LOCAL.has(name));
  return createHash("sha256").update(buildId).update("\0").update(JSON.stringify(shown)).digest("base64url");
}
