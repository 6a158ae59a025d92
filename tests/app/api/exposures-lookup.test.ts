// POST /api/v1/exposures/lookup {phone}: the GET's key check, result and audit with the
// number in the body; and the limit on refused keys per client address, shared by both.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET as getRoute } from "@/app/api/v1/exposures/[phone]/route";
import { POST as lookupRoute } from "@/app/api/v1/exposures/lookup/route";
import { createApiKey } from "@/lib/api-keys/manage";
import { newApiKey } from "@/lib/api-keys/keys";
import { CLI_ACTOR } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { memoryFailureCap } from "@/lib/rate-limit/failure-cap";
import { getServices } from "@/lib/services";
import { ctx, noParams, post, setEnv } from "@/tests/support/api";
import { uniqueTag } from "@/tests/support/unique-tag";

const newKey = () => createApiKey(getDb(), { name: `login page ${uniqueTag()}` }, { actor: CLI_ACTOR });

function lookup(body: unknown, authorization?: string, ip = "192.0.2.60") {
  return lookupRoute(
    post("/api/v1/exposures/lookup", body, { ip, headers: authorization ? { authorization } : {} }),
    noParams,
  );
}

function getLookup(phone: string, authorization: string, ip = "192.0.2.60") {
  const segment = encodeURIComponent(phone);
  const req = new Request(`http://localhost/api/v1/exposures/${segment}`, {
    headers: { authorization, "x-forwarded-for": ip },
  });
  return getRoute(req, ctx({ phone: segment }));
}

const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe("POST /api/v1/exposures/lookup", () => {
  beforeEach(() => setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "off" }));
  afterAll(() => setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "on" }));

  it("answers exactly as the GET does, for any format, affected or not, and for refusals", async () => {
    const key = await newKey();
    for (const typed of ["(206) 555-0103", "+1 206 555 0101", "206.555.0199", "206-555-77"]) {
      const viaPost = await lookup({ phone: typed }, `Bearer ${key.key}`);
      const viaGet = await getLookup(typed, `Bearer ${key.key}`);
      expect([typed, viaPost.status]).toEqual([typed, viaGet.status]);
      expect(viaPost.headers.get("cache-control")).toBe(viaGet.headers.get("cache-control"));
      expect(await viaPost.json()).toEqual(await viaGet.json());
    }
    const missing = await lookup({ phone: "+12065550103" });
    expect([missing.status, missing.headers.get("www-authenticate")]).toEqual([401, 'Bearer realm="exposure-check"']);
    expect(await code(missing)).toBe("api_key_required");
  });

  it("refuses a body that is not JSON or has no number, after the key", async () => {
    const key = await newKey();
    const notJson = await lookupRoute(
      new Request("http://localhost/api/v1/exposures/lookup", {
        method: "POST",
        headers: { authorization: `Bearer ${key.key}`, "content-type": "text/plain" },
        body: "+12065550103",
      }),
      noParams,
    );
    expect([notJson.status, await code(notJson)]).toEqual([415, "unsupported_media_type"]);
    const noPhone = await lookup({}, `Bearer ${key.key}`);
    expect(noPhone.status).toBe(400);
    // Without a key, the body is never read.
    expect((await lookup("not json", undefined)).status).toBe(401);
  });

  it("audits like the GET: the key and the caller, never the number", async () => {
    const key = await newKey();
    await lookup({ phone: "+1 (206) 555-0102" }, `Bearer ${key.key}`, "198.51.100.9");
    await lookup({ phone: "206-555-014" }, `Bearer ${key.key}`, "198.51.100.9");
    await getServices().api.audit.flush();
    const rows = await getDb().auditLog.findMany({
      where: { action: "api_lookup", details: { path: ["keyId"], equals: key.id } },
      orderBy: { id: "asc" },
    });
    const entry = (outcome: string) => [
      null,
      `api-key:${key.name}`,
      null,
      "198.51.100.9",
      { keyId: key.id, key: `${key.prefix}…`, outcome },
    ];
    expect(rows.map((r) => [r.actorId, r.actorEmail, r.target, r.ip, r.details])).toEqual([
      entry("answered"),
      entry("invalid_phone"),
    ]);
    expect(JSON.stringify(rows.map((r) => [r.actorEmail, r.details]))).not.toMatch(/555/);
  });
});

describe("refused API keys per client address", () => {
  afterAll(() => setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "on" }));

  it("answer 429 with Retry-After after N refused keys from one address, on GET and POST, while others go on", async () => {
    setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "on" });
    getServices().api.caps.apiKeyFailPerIp = memoryFailureCap(`api-key-fail-${uniqueTag()}`, {
      points: 3,
      seconds: 300,
    });
    const good = await newKey();
    const flooder = "203.0.113.77";
    for (let i = 0; i < 3; i++) {
      const res = await lookup({ phone: "+12065550103" }, `Bearer ${newApiKey().key}`, flooder);
      expect([i, res.status]).toEqual([i, 401]);
    }
    for (const res of [
      await lookup({ phone: "+12065550103" }, `Bearer ${newApiKey().key}`, flooder),
      await getLookup("+12065550103", `Bearer ${newApiKey().key}`, flooder),
      // Once the address is over, even a good key waits: the check comes before any key is read.
      await lookup({ phone: "+12065550103" }, `Bearer ${good.key}`, flooder),
    ]) {
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await code(res)).toBe("rate_limited");
    }
    // A good key from another address still works; a missing or malformed key costs no query and does not count.
    expect((await lookup({ phone: "+12065550103" }, `Bearer ${good.key}`, "198.51.100.88")).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      expect((await lookup({ phone: "+12065550103" }, undefined, "198.51.100.89")).status).toBe(401);
      expect((await lookup({ phone: "+12065550103" }, "Bearer ek_live_short", "198.51.100.89")).status).toBe(401);
    }
    expect((await lookup({ phone: "+12065550103" }, `Bearer ${good.key}`, "198.51.100.89")).status).toBe(200);
  });

  it("count an IPv6 client by its /64, so rotating addresses in it does not help", async () => {
    setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "on" });
    getServices().api.caps.apiKeyFailPerIp = memoryFailureCap(`api-key-fail-${uniqueTag()}`, {
      points: 2,
      seconds: 300,
    });
    for (const ip of ["2001:db8:7:7::1", "2001:db8:7:7::2"])
      expect((await lookup({ phone: "+12065550103" }, `Bearer ${newApiKey().key}`, ip)).status).toBe(401);
    const rotated = await lookup({ phone: "+12065550103" }, `Bearer ${newApiKey().key}`, "2001:db8:7:7:abcd::9");
    expect(rotated.status).toBe(429);
    const neighbour = await lookup({ phone: "+12065550103" }, `Bearer ${newApiKey().key}`, "2001:db8:7:8::1");
    expect(neighbour.status).toBe(401);
  });

  it("are not limited with RATE_LIMITS=off", async () => {
    setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "off" });
    for (let i = 0; i < 25; i++)
      expect((await lookup({ phone: "+12065550103" }, `Bearer ${newApiKey().key}`, "203.0.113.78")).status).toBe(401);
  });
});
