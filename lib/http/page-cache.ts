import { createHash } from "node:crypto";
import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";

/**
 * The shared customer pages, rendered once (ADR 30). Next.js renders each page per
 * request, with a fresh CSP nonce; these pages are the same for every reader of a
 * locale, so the HTTP server asks the app for each (path) once, over loopback, and
 * keeps the answer in memory: nonces stripped, the CSP allowing exactly the page's
 * inline scripts and styles by their SHA-256, no cookie, and headers that let a shared
 * cache keep it. A change of the content version empties the cache.
 */
export type PageCacheOptions = {
  /** Whether a path (locale prefix included) is a shared page. */
  shared: (path: string) => boolean;
  /** Where the app listens, for the loopback render. */
  origin: () => { host: string; port: number };
  /** `s-maxage` and `stale-while-revalidate`, in seconds. */
  sMaxAge: number;
  staleWhileRevalidate: number;
  /**
   * Marks the cache's own loopback render. The same in every process of the node (the
   * render may reach another one) and unguessable, so a client cannot pose as a render.
   */
  renderToken: string;
  /** The content's version (the content tables' write counters, ADR 41): polled, a change purges. */
  contentVersion: () => Promise<string>;
  versionCheckMs?: number;
  /**
   * After a change that `unsettles` (default: every change), pages rendered within this
   * time are served but not kept: caches the render reads (the carrier's settings keep
   * CACHE_MS) may still hold what the change replaced.
   */
  settleMs?: number;
  unsettles?: (previous: string, next: string) => boolean;
  maxEntries?: number;
  /**
   * Where the processes of every node share each page (ADR 39), so all of them serve one
   * render's bytes and ETag; `scope` (the build) keeps builds apart. Without it, each
   * process keeps its own render.
   */
  store?: { pages: SharedPages; scope: string };
  onError?: (err: unknown, what: string) => void;
  /** The clock, in ms (tests). */
  now?: () => number;
};

export type CachedPage = { headers: Record<string, string>; body: Buffer; etag: string };

/** Pages shared beyond a process, by key. */
export type SharedPages = {
  get(key: string): Promise<CachedPage | null>;
  /** Keeps the page unless one is kept under the key already; answers the one kept. */
  claim(key: string, version: string, page: CachedPage): Promise<CachedPage>;
};
type Classified = { kind: "render" } | { kind: "other" } | { kind: "page"; path: string; hit: boolean };
type Rendered = { status: number; headers: Record<string, string | string[]>; body: Buffer };

/** Marks the cache's own loopback request, which must reach the app, not the cache. */
export const RENDER_HEADER = "x-page-cache-render";

// Headers of the app's answer that must not be kept: per request, per connection, or replaced.
const DROPPED = new Set([
  "set-cookie",
  "vary",
  "etag",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "cache-control",
  "x-request-id",
  "content-security-policy",
]);

export function createPageCache(options: PageCacheOptions) {
  const token = options.renderToken;
  const entries = new Map<string, CachedPage>();
  const filling = new Map<string, Promise<CachedPage | Rendered>>();
  const store = options.store;
  const maxEntries = options.maxEntries ?? 1000;
  const versionCheckMs = options.versionCheckMs ?? 1000;
  const settleMs = options.settleMs ?? 0;
  const now = options.now ?? Date.now;
  let version: string | null = null;
  let checkedAt = 0;
  let changedAt = 0;
  let checking: Promise<void> | null = null;

  /** At most one check at a time, and one per interval; a caller may wait for the one in flight. */
  function checkVersion(): Promise<void> {
    if (checking) return checking;
    if (now() - checkedAt < versionCheckMs) return Promise.resolve();
    checking = readVersion().finally(() => (checking = null));
    return checking;
  }

  async function readVersion() {
    try {
      const next = await options.contentVersion();
      if (version !== null && next !== version) {
        entries.clear();
        if (options.unsettles?.(version, next) ?? true) changedAt = now();
      }
      // A first read (or one after a failure) cannot tell what changed just before it:
      // a render may still see caches from before such a change, so none is kept yet.
      if (version === null) changedAt = now();
      version = next;
      checkedAt = now();
    } catch (err) {
      // Unknown version: keep nothing rather than risk stale content.
      entries.clear();
      version = null;
      options.onError?.(err, "page cache version check");
    }
  }

  /** One fill per page at a time: concurrent misses share its store reads and render. */
  function fill(path: string): Promise<CachedPage | Rendered> {
    let pending = filling.get(path);
    if (!pending) {
      pending = fillOnce(path).finally(() => filling.delete(path));
      filling.set(path, pending);
    }
    return pending;
  }

  async function fillOnce(path: string): Promise<CachedPage | Rendered> {
    await checkVersion();
    const before = version;
    // Rendered under a version that has changed since, or too soon after a change: a page
    // is served, but neither kept nor shared.
    const current = () => before !== null && before === version;
    const keepable = () => current() && now() - changedAt >= settleMs;
    const shared = store && before !== null ? sharedKey(store.scope, before, path) : null;
    if (shared) {
      // Kept by a process that had settled: good for this version even while this one settles.
      const kept = await store!.pages.get(shared.key).catch(storeFailed);
      if (kept) return keep(path, kept, current());
    }
    const rendered = await loopback(options.origin(), path, token);
    const type = String(rendered.headers["content-type"] ?? "");
    if (rendered.status !== 200 || !type.startsWith("text/html")) return rendered;
    const page = shareable(rendered, options);
    if (!keepable()) return page;
    const claimed = shared ? await store!.pages.claim(shared.key, shared.version, page).catch(storeFailed) : null;
    return keep(path, claimed ?? page, true);
  }

  function keep(path: string, page: CachedPage, keepable: boolean): CachedPage {
    if (!keepable) return page;
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(path, page);
    return page;
  }

  // The shared store is an optimisation: without it each process keeps its own render.
  function storeFailed(err: unknown): null {
    options.onError?.(err, "shared page store");
    return null;
  }

  // From the start, so that the settle time after the first read runs before readers come.
  void checkVersion();

  return {
    /**
     * What a request is to the cache: its own loopback render (for the app, and never
     * shed: one per page at a time), a shared page (hit or not), or anything else.
     */
    classify(req: IncomingMessage): Classified {
      if (req.headers[RENDER_HEADER] !== undefined) {
        if (req.headers[RENDER_HEADER] === token) return { kind: "render" };
        delete req.headers[RENDER_HEADER];
      }
      if (req.method !== "GET" && req.method !== "HEAD") return { kind: "other" };
      // The client router's own requests (RSC payloads) are Next's to answer.
      if (req.headers["rsc"] !== undefined || req.headers["next-router-prefetch"] !== undefined)
        return { kind: "other" };
      const url = req.url ?? "/";
      if (url.includes("_rsc=")) return { kind: "other" };
      const path = url.split("?")[0]!;
      if (!options.shared(path)) return { kind: "other" };
      void checkVersion();
      return { kind: "page", path, hit: entries.has(path) };
    },
    /** Answers a shared page from the cache, rendering it first on a miss. */
    serve(req: IncomingMessage, res: ServerResponse, path: string, fallback: () => void): void {
      const hit = entries.get(path);
      if (hit) return send(req, res, hit, "hit");
      fill(path).then(
        (page) => ("etag" in page ? send(req, res, page, "miss") : relay(req, res, page)),
        (err: unknown) => {
          options.onError?.(err, "page cache render");
          if (!res.headersSent) fallback();
        },
      );
    },
    /** classify, then serve: true when the cache answers (or will). */
    handle(req: IncomingMessage, res: ServerResponse, fallback: () => void): boolean {
      const what = this.classify(req);
      if (what.kind !== "page") return false;
      this.serve(req, res, what.path, fallback);
      return true;
    },
    /** Empties the cache (tests; a content change does it through the version). */
    purge: () => entries.clear(),
    size: () => entries.size,
  };
}

/** Where a page is shared: by build, content version and path; the version digested for sweeping. */
function sharedKey(scope: string, version: string, path: string) {
  const digest = (s: string) => createHash("sha256").update(s).digest("base64url").slice(0, 32);
  const v = digest(version);
  return { key: digest(`${scope}\0${v}\0${path}`), version: v };
}

/** The rendered page as every reader gets it: no nonce, hashes in the CSP, shared-cache headers. */
export function shareable(rendered: Rendered, options: Pick<PageCacheOptions, "sMaxAge" | "staleWhileRevalidate">) {
  const csp = String(rendered.headers["content-security-policy"] ?? "");
  // The render's nonce also sits in the page's data for React: gone too, so every
  // process and node serves the same bytes, and no stale nonce is shown to anyone.
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  let html = rendered.body.toString("utf8").replace(/\snonce="[^"]*"/g, "");
  if (nonce) html = html.split(nonce).join("");
  const scripts = inlineHashes(html, /<script\b([^>]*)>([\s\S]*?)<\/script>/gi);
  const styles = inlineHashes(html, /<style\b([^>]*)>([\s\S]*?)<\/style>/gi);
  const body = Buffer.from(html, "utf8");
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(rendered.headers)) {
    if (DROPPED.has(name) || name.startsWith("x-nextjs")) continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  headers["content-security-policy"] = hashedPolicy(csp, scripts, styles);
  headers["cache-control"] =
    `public, max-age=0, s-maxage=${options.sMaxAge}, stale-while-revalidate=${options.staleWhileRevalidate}`;
  headers["content-length"] = String(body.length);
  headers["etag"] = etag;
  return { headers, body, etag } satisfies CachedPage;
}

function inlineHashes(html: string, element: RegExp): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, content] of html.matchAll(element)) {
    if (/\bsrc\s*=/i.test(attributes ?? "") || !content) continue;
    hashes.add(`'sha256-${createHash("sha256").update(content, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/**
 * The app's CSP with its nonce swapped for the page's hashes. 'strict-dynamic' goes too:
 * it would ignore 'self', and the page's own script files carry no nonce any more.
 */
export function hashedPolicy(csp: string, scripts: string[], styles: string[]): string {
  return csp
    .split(";")
    .map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      const kept = sources.filter((s) => !s.startsWith("'nonce-") && s !== "'strict-dynamic'");
      if (name === "script-src") return [name, ...kept, ...scripts].join(" ");
      if (name === "style-src") return [name, ...kept, ...styles].join(" ");
      return directive.trim();
    })
    .join("; ");
}

function send(req: IncomingMessage, res: ServerResponse, page: CachedPage, state: "hit" | "miss") {
  res.setHeader("x-page-cache", state);
  if (req.headers["if-none-match"] === page.etag) {
    res.writeHead(304, { etag: page.etag, "cache-control": page.headers["cache-control"]! });
    res.end();
    return;
  }
  res.writeHead(200, page.headers);
  res.end(req.method === "HEAD" ? undefined : page.body);
}

/** Anything but a 200 page (a 404, a shed 503) goes out as the app answered it, and is not kept. */
function relay(req: IncomingMessage, res: ServerResponse, rendered: Rendered) {
  const headers = { ...rendered.headers };
  delete headers["transfer-encoding"];
  delete headers["connection"];
  delete headers["keep-alive"];
  headers["content-length"] = String(rendered.body.length);
  res.writeHead(rendered.status, headers);
  res.end(req.method === "HEAD" ? undefined : rendered.body);
}

function loopback(origin: { host: string; port: number }, path: string, token: string): Promise<Rendered> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: origin.host,
        port: origin.port,
        path,
        method: "GET",
        headers: { [RENDER_HEADER]: token, accept: "text/html" },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 502,
            headers: res.headers as Rendered["headers"],
            body: Buffer.concat(chunks),
          }),
        );
        res.on("error", reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error("page render timed out")));
    req.on("error", reject);
    req.end();
  });
}
