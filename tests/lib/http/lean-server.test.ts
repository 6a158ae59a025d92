// The lean server path on a real HTTP server and the unit project's database: the same
// answers as the app's route, with the app's static security headers, and only its own
// requests taken.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as appRoute } from "@/app/api/v1/exposures/[phone]/route";
import { POST as appLookupRoute } from "@/app/api/v1/exposures/lookup/route";
import { createApiKey } from "@/lib/api-keys/manage";
import { CLI_ACTOR } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { exposuresAnswer } from "@/lib/http/exposures-endpoint";
import { leanExposures } from "@/lib/http/lean-server";
import securityHeaders from "@/lib/http/security-headers.json";
import { getServices } from "@/lib/services";
import { leanTestServer } from "@/tests/support/lean";
import { ctx, setEnv } from "@/tests/support/api";
import { uniqueTag } from "@/tests/support/unique-tag";

let base: string;
let fellThrough: string[];
let close: () => Promise<void>;

beforeAll(async () => {
  setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "off" });
  const lean = leanExposures((req) => exposuresAnswer(getServices().api, req), { production: true, trustProxyHops: 0 });
  ({ base, fellThrough, close } = await leanTestServer(lean, "198.51.100.20"));
});
afterAll(async () => {
  await close();
  setEnv({ RATE_LIMITS: "on" });
});

describe("leanExposures", () => {
  it("answers exactly as the app's route does, with the security headers, affected or not", async () => {
    const { key } = await createApiKey(getDb(), { name: `lean ${uniqueTag()}` }, { actor: CLI_ACTOR });
    for (const typed of ["(206) 555-0103", "+1 206 555 0199", "206-555-77"]) {
      const segment = encodeURIComponent(typed);
      const lean = await fetch(`${base}/api/v1/exposures/${segment}?source=login`, {
        headers: { authorization: `Bearer ${key}` },
      });
      const viaApp = await appRoute(
        new Request(`http://localhost/api/v1/exposures/${segment}`, {
          headers: { authorization: `Bearer ${key}`, "x-forwarded-for": "198.51.100.20" },
        }),
        ctx({ phone: segment }),
      );
      expect([typed, lean.status]).toEqual([typed, viaApp.status]);
      expect(await lean.json()).toEqual(await viaApp.json());
      expect(lean.headers.get("content-type")).toBe("application/json");
      expect(lean.headers.get("cache-control")).toBe("no-store");
      for (const { key: name, value } of [...securityHeaders.always, ...securityHeaders.production])
        expect(lean.headers.get(name)).toBe(value);
    }
  });

  it("answers POST /api/v1/exposures/lookup exactly as the app's route does, the body's refusals included", async () => {
    const { key } = await createApiKey(getDb(), { name: `lean post ${uniqueTag()}` }, { actor: CLI_ACTOR });
    const bodies: [string, string][] = [
      ...["(206) 555-0103", "+1 206 555 0199", "206-555-77"].map((p): [string, string] => [
        "application/json",
        JSON.stringify({ phone: p }),
      ]),
      ["application/json", "{not json"],
      ["application/json", "{}"],
      ["text/plain", "+12065550103"],
      ["application/json", JSON.stringify({ phone: "+12065550103", pad: "x".repeat(17 * 1024) })],
    ];
    for (const [type, body] of bodies) {
      const headers = { authorization: `Bearer ${key}`, "content-type": type };
      const lean = await fetch(`${base}/api/v1/exposures/lookup`, { method: "POST", headers, body });
      const viaApp = await appLookupRoute(
        new Request("http://localhost/api/v1/exposures/lookup", {
          method: "POST",
          headers: { ...headers, "x-forwarded-for": "198.51.100.20" },
          body,
        }),
        ctx({}),
      );
      const label = body.slice(0, 40);
      expect([label, lean.status]).toEqual([label, viaApp.status]);
      expect(await lean.json()).toEqual(await viaApp.json());
      for (const { key: name, value } of [...securityHeaders.always, ...securityHeaders.production])
        expect(lean.headers.get(name)).toBe(value);
    }
  });

  it("answers 401 with WWW-Authenticate without a key or with a bad one", async () => {
    const none = await fetch(`${base}/api/v1/exposures/%2B12065550103`);
    expect([none.status, none.headers.get("www-authenticate")]).toEqual([401, 'Bearer realm="exposure-check"']);
    const bad = await fetch(`${base}/api/v1/exposures/%2B12065550103`, {
      headers: { authorization: "Bearer ek_live_nope" },
    });
    expect([bad.status, bad.headers.get("www-authenticate")]).toEqual([
      401,
      'Bearer realm="exposure-check", error="invalid_token"',
    ]);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("invalid_api_key");
  });

  it("audits with the client address the server settled on", async () => {
    const created = await createApiKey(getDb(), { name: `lean audit ${uniqueTag()}` }, { actor: CLI_ACTOR });
    await fetch(`${base}/api/v1/exposures/%2B12065550103`, { headers: { authorization: `Bearer ${created.key}` } });
    await getServices().api.audit.flush();
    const entry = await getDb().auditLog.findFirstOrThrow({
      where: { action: "api_lookup", details: { path: ["keyId"], equals: created.id } },
    });
    expect(entry).toMatchObject({ ip: "198.51.100.20", target: null, details: { outcome: "answered" } });
  });

  it("leaves other methods and paths to the framework", async () => {
    fellThrough.length = 0;
    await fetch(`${base}/api/v1/exposures/%2B12065550103`, { method: "POST" });
    await fetch(`${base}/api/v1/exposures/lookup`);
    await fetch(`${base}/api/v1/exposures/lookup`, { method: "PUT" });
    await fetch(`${base}/api/v1/exposures/lookup/`, { method: "POST" });
    await fetch(`${base}/api/v1/exposures/%2B12065550103/`);
    await fetch(`${base}/api/v1/exposures/`);
    await fetch(`${base}/api/v1/exposuresX/1`);
    expect(fellThrough).toEqual([
      "POST /api/v1/exposures/%2B12065550103",
      "GET /api/v1/exposures/lookup",
      "PUT /api/v1/exposures/lookup",
      "POST /api/v1/exposures/lookup/",
      "GET /api/v1/exposures/%2B12065550103/",
      "GET /api/v1/exposures/",
      "GET /api/v1/exposuresX/1",
    ]);
  });
});
