import type { Sql, Statement } from "@/lib/db/sql";
/**
 * The customer pages (ADR 29, ADR 30). Each is served under a locale prefix (`/en/…`,
 * `/es/…`); its unprefixed address redirects there by cookie, then Accept-Language.
 * A page marked `shared` renders the same bytes for every reader of a locale: the
 * server's page cache (lib/http/page-cache.ts) renders it once and lets shared caches
 * (CDNs) keep it. Opting a new page in is one line here; if it shows content from
 * tables of its own, add them to CONTENT_TABLES too.
 */
export const CUSTOMER_PAGES: readonly { path: RegExp; shared: boolean }[] = [
  { path: /^\/$/, shared: true },
  { path: /^\/remediation\/[^/]+\/[^/]+$/, shared: true },
  { path: /^\/notice\/[^/]+$/, shared: true },
  { path: /^\/outbox$/, shared: false },
  { path: /^\/demo\/account$/, shared: false },
];

/**
 * The tables whose rows the shared pages show: a change to any of them purges every
 * node's page cache within a second (ADR 30). Each has a counter in content_epoch and a
 * trigger that bumps it (ADR 41): adding a table here takes a migration that adds both.
 */
export const CONTENT_TABLES: readonly string[] = ["incident", "category", "content_version", "carrier_setting"];

/** The page entry for an unprefixed path, or undefined for everything else (console, API). */
export function customerPage(path: string) {
  return CUSTOMER_PAGES.find((p) => p.path.test(path));
}

/**
 * The content tables' write counters, in CONTENT_TABLES' order: they change whenever any
 * shared page's content does (ADR 41). A table without a counter reads as "-", which the
 * tests refuse.
 */
export function contentVersionStatement(tables: readonly string[] = CONTENT_TABLES): Statement {
  // Table names come from the list above, never from a request.
  const parts = tables.map((t) => `coalesce((SELECT epoch::text FROM content_epoch WHERE table_name = '${t}'), '-')`);
  return { name: "content_version", text: `SELECT concat_ws(',', ${parts.join(", ")}) AS version` };
}

/**
 * Whether a version change touched the carrier's settings, which each process caches
 * (lib/settings/carrier.ts): only then must freshly rendered pages wait before being kept.
 */
export function settingsChanged(previous: string, next: string): boolean {
  const i = CONTENT_TABLES.indexOf("carrier_setting");
  return previous.split(",")[i] !== next.split(",")[i];
}

/** The page cache's version source, on the process's Sql. */
export function contentVersion(sql: Sql): () => Promise<string> {
  const statement = contentVersionStatement();
  return async () => (await sql<{ version: string }>(statement, []))[0]?.version ?? "";
}
