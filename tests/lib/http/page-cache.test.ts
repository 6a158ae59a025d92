import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_TABLES, settingsChanged } from "@/lib/http/customer-pages";
import { createPageCache, hashedPolicy, RENDER_HEADER, type CachedPage, type SharedPages } from "@/lib/http/page-cache";

const sha = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
const STRICT =
  "default-src 'self'; script-src 'self' 'nonce-N1' 'strict-dynamic'; style-src 'self' 'nonce-N1'; frame-ancestors 'none'";

/**
 * A stand-in for Next.js: a fresh nonce per render, a cookie, a counter of renders; like
 * React's streamed payload, no two renders are quite the same bytes.
 */
function fakeApp() {
  let renders = 0;
  let n = 0;
  const server = createServer((req, res) => {
    renders++;
    const nonce = `NONCE${++n}`;
    if (req.url?.includes("missing")) {
      res.writeHead(404, { "content-type": "text/html" });
      return res.end("<p>not here</p>");
    }
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": STRICT.replaceAll("N1", nonce),
      "set-cookie": "tracking=1",
      "x-frame-options": "DENY",
      vary: "RSC, Accept-Encoding",
      "x-seen-render-header": String(req.headers[RENDER_HEADER] !== undefined),
    });
    res.end(
      `<html><head><style nonce="${nonce}">b{}</style><script src="/a.js" nonce="${nonce}" async></script></head>` +
        `<body data-react='{"nonce":"${nonce}"}'>${req.url}<!--render ${renders}--><script nonce="${nonce}">self.x=1</script><script nonce="${nonce}">self.y="ñ"</script></body></html>`,
    );
  });
  return { server, renders: () => renders };
}

describe("the shared page cache", () => {
  const app = fakeApp();
  let front: Server;
  let base = "";
  let version = "v1";
  const cache = createPageCache({
    shared: (p) => p.startsWith("/es") || p.startsWith("/en"),
    origin: () => ({ host: "127.0.0.1", port: (app.server.address() as AddressInfo).port }),
    sMaxAge: 60,
    staleWhileRevalidate: 30,
    contentVersion: async () => version,
    versionCheckMs: 0,
    renderToken: "a-token-only-the-server-knows",
  });

  beforeAll(async () => {
    await new Promise<void>((r) => app.server.listen(0, "127.0.0.1", r));
    front = createServer((req, res) => {
      if (!cache.handle(req, res, () => res.end("fallback"))) {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("not cached");
      }
    });
    await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    app.server.close();
    front.close();
  });

  it("renders a page once and serves the same bytes, shareable, without cookie or nonce", async () => {
    const before = app.renders();
    const a = await fetch(`${base}/es/page`);
    const b = await fetch(`${base}/es/page?utm=x`);
    const [bodyA, bodyB] = [await a.text(), await b.text()];
    expect(app.renders() - before).toBe(1);
    expect(bodyA).toBe(bodyB);
    expect(bodyA).not.toContain("NONCE");
    expect(bodyA).not.toContain(" nonce=");
    for (const res of [a, b]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=30");
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(res.headers.get("vary")).toBeNull();
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
    expect(a.headers.get("x-page-cache")).toBe("miss");
    expect(b.headers.get("x-page-cache")).toBe("hit");
    expect(a.headers.get("content-security-policy")).toBe(
      `default-src 'self'; script-src 'self' ${sha("self.x=1")} ${sha('self.y="ñ"')}; style-src 'self' ${sha("b{}")}; frame-ancestors 'none'`,
    );
    const etag = a.headers.get("etag")!;
    expect((await fetch(`${base}/es/page`, { headers: { "if-none-match": etag } })).status).toBe(304);
  });

  it("keeps each path apart, and renders again once the content version changes", async () => {
    const en = await (await fetch(`${base}/en/page`)).text();
    expect(en).toContain("/en/page");
    const before = app.renders();
    await fetch(`${base}/es/page`);
    expect(app.renders()).toBe(before);
    version = "v2";
    // The check runs beside the answer: a later request misses and renders again.
    let state: string | null = "hit";
    for (let i = 0; i < 100 && state === "hit"; i++)
      state = (await fetch(`${base}/es/page`)).headers.get("x-page-cache");
    expect(state).toBe("miss");
    expect(app.renders()).toBeGreaterThan(before);
  });

  it("relays other answers without keeping them, and leaves other paths and requests to the app", async () => {
    const before = app.renders();
    expect((await fetch(`${base}/es/missing`)).status).toBe(404);
    expect((await fetch(`${base}/es/missing`)).status).toBe(404);
    expect(app.renders() - before).toBe(2);
    expect(await (await fetch(`${base}/admin`)).text()).toBe("not cached");
    expect(await (await fetch(`${base}/es/page`, { method: "POST" })).text()).toBe("not cached");
    expect(await (await fetch(`${base}/es/page`, { headers: { rsc: "1" } })).text()).toBe("not cached");
    // A client cannot pose as the cache's own render to reach the app uncached.
    const posed = await fetch(`${base}/es/other`, { headers: { [RENDER_HEADER]: "guess" } });
    expect(posed.headers.get("x-page-cache")).toBe("miss");
  });

  it("swaps the nonce for hashes and drops strict-dynamic, leaving other directives alone", () => {
    expect(hashedPolicy(STRICT, ["'sha256-A'"], [])).toBe(
      "default-src 'self'; script-src 'self' 'sha256-A'; style-src 'self'; frame-ancestors 'none'",
    );
  });
});

/** What the caches below share: `app`'s English pages, the version read from `version`. */
const englishPagesOf = (app: ReturnType<typeof fakeApp>, version: () => string) => ({
  shared: (p: string) => p.startsWith("/en"),
  origin: () => ({ host: "127.0.0.1", port: (app.server.address() as AddressInfo).port }),
  sMaxAge: 60,
  staleWhileRevalidate: 30,
  contentVersion: async () => version(),
  versionCheckMs: 0,
});

describe("the shared page cache just after a content change", () => {
  const app = fakeApp();
  let clock = 1_000_000;
  let front: Server;
  let version = "v1";
  const cache = createPageCache({
    ...englishPagesOf(app, () => version),
    settleMs: 5_000,
    unsettles: (_previous, next) => next.startsWith("settings"),
    renderToken: "another-token",
    now: () => clock,
  });
  const get = async (path: string) => {
    const { port } = front.address() as AddressInfo;
    return (await fetch(`http://127.0.0.1:${port}${path}`)).headers.get("x-page-cache");
  };

  beforeAll(async () => {
    await new Promise<void>((r) => app.server.listen(0, "127.0.0.1", r));
    front = createServer((req, res) => void cache.handle(req, res, () => res.end("fallback")));
    await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
  });
  afterAll(() => {
    app.server.close();
    front.close();
  });

  it("keeps pages at once after a plain change, not while caches settle after an unsettling one or a first read", async () => {
    const changeTo = async (next: string) => {
      version = next;
      let state: string | null = "hit";
      for (let i = 0; i < 100 && state === "hit"; i++) state = await get("/en/page");
      expect(state).toBe("miss");
    };
    // The first version read cannot tell whether the settings changed just before it.
    expect([await get("/en/page"), await get("/en/page")]).toEqual(["miss", "miss"]);
    clock += 5_000;
    expect([await get("/en/page"), await get("/en/page")]).toEqual(["miss", "hit"]);
    await changeTo("v2");
    expect(await get("/en/page")).toBe("hit");
    await changeTo("settings-v3");
    // The carrier's settings may still be the old ones in this process: nothing is kept.
    const before = app.renders();
    expect([await get("/en/page"), await get("/en/page")]).toEqual(["miss", "miss"]);
    expect(app.renders() - before).toBe(2);
    clock += 5_000;
    expect([await get("/en/page"), await get("/en/page")]).toEqual(["miss", "hit"]);
  });
});

/** The database store's contract, in memory; `failing` makes every call throw. */
function memoryPages() {
  const kept = new Map<string, CachedPage>();
  const state = { failing: false, keys: () => [...kept.keys()] };
  const pages: SharedPages = {
    async get(key) {
      if (state.failing) throw new Error("store down");
      return kept.get(key) ?? null;
    },
    async claim(key, _version, page) {
      if (state.failing) throw new Error("store down");
      if (!kept.has(key)) kept.set(key, page);
      return kept.get(key)!;
    },
  };
  return { pages, state };
}

describe("the shared page cache across processes", () => {
  const app = fakeApp();
  const shared = memoryPages();
  const errors: string[] = [];
  let version = "v1";
  const fronts: Server[] = [];
  /** One "process": its own cache in front of the same app, on the same store. */
  const processOf = (scope: string) => {
    const cache = createPageCache({
      ...englishPagesOf(app, () => version),
      renderToken: "token",
      store: { pages: shared.pages, scope },
      onError: (_err, what) => errors.push(what),
    });
    const front = createServer((req, res) => void cache.handle(req, res, () => res.end("fallback")));
    fronts.push(front);
    return async (path: string) => {
      if (!front.listening) await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
      const res = await fetch(`http://127.0.0.1:${(front.address() as AddressInfo).port}${path}`);
      return { etag: res.headers.get("etag"), body: await res.text(), state: res.headers.get("x-page-cache") };
    };
  };

  beforeAll(() => new Promise<void>((r) => app.server.listen(0, "127.0.0.1", r)));
  afterAll(() => {
    app.server.close();
    for (const f of fronts) f.close();
  });

  it("serves one render's bytes from every process, rendering once", async () => {
    const [a, b] = [processOf("build-1"), processOf("build-1")];
    const before = app.renders();
    const first = await a("/en/one");
    const second = await b("/en/one");
    expect(app.renders() - before).toBe(1);
    expect(second).toEqual({ ...first, state: "miss" });
    expect((await b("/en/one")).state).toBe("hit");
  });

  it("settles two processes that render at once on the first page kept", async () => {
    const [a, b] = [processOf("build-1"), processOf("build-1")];
    const before = app.renders();
    const [x, y] = await Promise.all([a("/en/two"), b("/en/two")]);
    expect(app.renders() - before).toBe(2);
    expect(y.etag).toBe(x.etag);
    expect(y.body).toBe(x.body);
    // And each keeps the page it served.
    expect(await a("/en/two")).toEqual({ ...x, state: "hit" });
    expect(await b("/en/two")).toEqual({ ...x, state: "hit" });
  });

  it("keeps builds and content versions apart", async () => {
    const [a, other] = [processOf("build-1"), processOf("build-2")];
    const one = await a("/en/three");
    expect((await other("/en/three")).etag).not.toBe(one.etag);
    version = "v2";
    const later = processOf("build-1");
    expect((await later("/en/three")).etag).not.toBe(one.etag);
    expect(new Set(shared.state.keys()).size).toBe(shared.state.keys().length);
  });

  it("serves its own render when the store fails", async () => {
    shared.state.failing = true;
    const a = processOf("build-1");
    const page = await a("/en/four");
    expect(page.body).toContain("/en/four");
    expect((await a("/en/four")).state).toBe("hit");
    expect(errors).toContain("shared page store");
    shared.state.failing = false;
  });
});

describe("settingsChanged", () => {
  it("is true only when the carrier's settings' part of the version differs", () => {
    const version = (settings: string) =>
      CONTENT_TABLES.map((t) => (t === "carrier_setting" ? settings : `${t}-digest`)).join(",");
    expect(settingsChanged(version("a"), version("b"))).toBe(true);
    expect(settingsChanged(version("a"), version("a").replace("incident-digest", "other"))).toBe(false);
  });
});
