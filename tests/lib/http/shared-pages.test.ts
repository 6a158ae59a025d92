// The database's shared pages, seen from two "nodes" (pools of their own): the first page
// claimed under a key is the one both get, and older versions are swept.
import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { sqlOver } from "@/lib/db/sql";
import type { CachedPage } from "@/lib/http/page-cache";
import { parseConfig } from "@/lib/config";
import { databasePages, pageScope } from "@/lib/http/shared-pages";
import { uniqueTag } from "@/tests/support/unique-tag";

const pools = [0, 1].map(() => new Pool({ connectionString: process.env.DATABASE_URL, max: 2 }));
const [a, b] = pools.map((p) => databasePages(sqlOver(p, process.env.TEST_STORE === "postgres")));
afterAll(() => Promise.all(pools.map((p) => p.end())));

const page = (text: string): CachedPage => ({
  headers: { "content-type": "text/html; charset=utf-8", etag: `"${text}"` },
  body: Buffer.from(`<p>${text} ñ</p>`, "utf8"),
  etag: `"${text}"`,
});

describe("the database's shared pages", () => {
  it("keeps the first page claimed under a key and gives it to every node, bytes intact", async () => {
    const key = uniqueTag();
    expect(await a!.get(key)).toBeNull();
    const [x, y] = await Promise.all([a!.claim(key, "v1", page("first")), b!.claim(key, "v1", page("second"))]);
    expect(y).toEqual(x);
    const kept = await b!.get(key);
    expect(kept).toEqual(x);
    expect(kept!.body.toString("utf8")).toMatch(/^<p>(first|second) ñ<\/p>$/);
    expect(kept!.etag).toBe(kept!.headers["etag"]);
  });

  it("sweeps pages of other versions once they are older than the grace, not newer ones", async () => {
    const [old, recent, current] = [uniqueTag(), uniqueTag(), uniqueTag()];
    const version = uniqueTag();
    await a!.claim(old, "older", page("old"));
    await a!.claim(recent, "older", page("recent"));
    await pools[0]!.query("UPDATE shared_page SET created_at = now() - interval '11 minutes' WHERE key = $1", [old]);
    await a!.claim(current, version, page("current"));
    expect(await a!.get(old)).toBeNull();
    expect(await a!.get(recent)).not.toBeNull();
    expect(await a!.get(current)).not.toBeNull();
  });
});

describe("the scope of shared pages", () => {
  const config = (env: Record<string, string>) =>
    parseConfig({
      LOOKUP_SECRET: "s".repeat(40),
      DATABASE_URL: "postgresql://app@db.internal:5432/exposure",
      SMS_PROVIDER: "outbox",
      // Else it follows PORT, and links on pages with it.
      PUBLIC_URL: "https://check.example.com",
      ...env,
    });

  it("differs by build and by a setting pages show, not by one node's own", () => {
    const scope = pageScope("build-1", config({}));
    expect(pageScope("build-1", config({}))).toBe(scope);
    expect(pageScope("build-2", config({}))).not.toBe(scope);
    expect(pageScope("build-1", config({ CHALLENGE: "always" }))).not.toBe(scope);
    expect(pageScope("build-1", config({ PORT: "4000", WEB_CONCURRENCY: "3", LOG_LEVEL: "warn" }))).toBe(scope);
  });
});
