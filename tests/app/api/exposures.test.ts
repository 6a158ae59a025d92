import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET as exposuresRoute } from "@/app/api/v1/exposures/[phone]/route";
import { POST as startRoute } from "@/app/api/v1/checks/route";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage";
import { ExposureResultSchema } from "@/lib/exposures/types";
import { CLI_ACTOR } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { memoryLimiter } from "@/lib/rate-limit/limiter";
import { getServices } from "@/lib/services";
import { ctx, noParams, post, setEnv } from "@/tests/support/api";
import { uniqueTag } from "@/tests/support/unique-tag";

const newKey = () => createApiKey(getDb(), { name: `login page ${uniqueTag()}` }, { actor: CLI_ACTOR });

function lookup(phone: string, authorization?: string, ip = "192.0.2.50") {
  const headers: Record<string, string> = { "x-forwarded-for": ip };
  if (authorization !== undefined) headers.authorization = authorization;
  const req = new Request(`http://localhost/api/v1/exposures/${encodeURIComponent(phone)}`, { headers });
  return exposuresRoute(req, ctx({ phone: encodeURIComponent(phone) }));
}

/** The result object of the check API (open mode answers at once) for the same number. */
async function checkApiResult(phone: string) {
  setEnv({ LOOKUP_MODE: "open", RATE_LIMITS: "off" });
  const res = await startRoute(post("/api/v1/checks", { phone }), noParams);
  setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "off" });
  return ((await res.json()) as { result: unknown }).result;
}

describe("GET /api/v1/exposures/{phone}", () => {
  beforeEach(() => setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "off" }));
  afterAll(() => setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "on" }));

  it("answers 401 with WWW-Authenticate: Bearer without a key, and for a malformed, unknown or revoked one", async () => {
    const missing = await lookup("(206) 555-0100");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="exposure-check"');
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("api_key_required");

    const key = await newKey();
    await revokeApiKey(getDb(), { keyId: key.id, confirm: "yes" }, { actor: CLI_ACTOR });
    for (const authorization of [
      "Bearer nonsense",
      `Bearer ek_live_${"A".repeat(43)}`,
      `Bearer ${key.key}`,
      `Basic ${key.key}`,
    ]) {
      const res = await lookup("(206) 555-0100", authorization);
      expect([authorization, res.status]).toEqual([authorization, 401]);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="exposure-check", error="invalid_token"');
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error).toEqual({
        code: "invalid_api_key",
        message: "This API key is not valid or has been revoked.",
      });
    }
  });

  it("answers 400 with the check's reason for an invalid number, without echoing it", async () => {
    const key = await newKey();
    const res = await lookup("206-555-77", `Bearer ${key.key}`);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({
      error: { code: "invalid_phone", problem: "too_short", fields: { phone: expect.stringContaining("too short") } },
    });
    expect(text).not.toMatch(/555-?77/);
  });

  it("answers 200 with exactly the check API's result object, affected or not, in any format", async () => {
    const key = await newKey();
    for (const [typed, e164, affected] of [
      ["(206) 555-0103", "+12065550103", true],
      ["+1 206 555 0101", "+12065550101", true],
      ["206.555.0199", "+12065550199", false],
    ] as const) {
      const res = await lookup(typed, `Bearer ${key.key}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = await res.json();
      expect(ExposureResultSchema.strict().safeParse(body).success).toBe(true);
      expect(body).toMatchObject({ phone: e164, affected });
      expect(body).toEqual(await checkApiResult(typed));
    }
  });

  it("limits each key on its own (429 with Retry-After) under RATE_LIMITS=on", async () => {
    setEnv({ LOOKUP_MODE: "verified", RATE_LIMITS: "on" });
    // The default is 600 a minute; a small budget keeps the test short.
    getServices().limits.apiPerKey = memoryLimiter(`api-key-${uniqueTag()}`, { points: 3, seconds: 60 });
    const [a, b] = [await newKey(), await newKey()];
    for (let i = 0; i < 3; i++) expect((await lookup("(206) 555-0100", `Bearer ${a.key}`)).status).toBe(200);
    const limited = await lookup("(206) 555-0100", `Bearer ${a.key}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    expect((await lookup("(206) 555-0100", `Bearer ${b.key}`)).status).toBe(200);
  });

  it("is not limited with RATE_LIMITS=off", async () => {
    const key = await newKey();
    for (let i = 0; i < 5; i++) expect((await lookup("(206) 555-0100", `Bearer ${key.key}`)).status).toBe(200);
    expect(getServices().limits.apiPerKey).toBe(getServices().limits.checkPerIp);
  });

  it("audits every call with the key and the caller, never the number, nor whether it was affected", async () => {
    const key = await newKey();
    await lookup("+1 (206) 555-0102", `Bearer ${key.key}`, "198.51.100.7");
    await lookup("206-555-014", `Bearer ${key.key}`, "198.51.100.7");
    // The API writes its audit entries in batches (lib/audit/batch.ts).
    await getServices().api.audit.flush();
    const rows = await getDb().auditLog.findMany({
      where: { action: "api_lookup", details: { path: ["keyId"], equals: key.id } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.actorId, r.actorEmail, r.target, r.ip, r.details])).toEqual([
      [
        null,
        `api-key:${key.name}`,
        null,
        "198.51.100.7",
        { keyId: key.id, key: `${key.prefix}…`, outcome: "answered" },
      ],
      [
        null,
        `api-key:${key.name}`,
        null,
        "198.51.100.7",
        { keyId: key.id, key: `${key.prefix}…`, outcome: "invalid_phone" },
      ],
    ]);
    // No four consecutive digits of either number anywhere in the entries' text.
    const text = rows
      .map((r) => [r.actorEmail, r.target, JSON.stringify(r.details)].join(" "))
      .join(" ")
      .replace(key.prefix, "");
    for (const digits of ["12065550102", "206555014"]) {
      for (let i = 0; i + 4 <= digits.length; i++) expect(text).not.toContain(digits.slice(i, i + 4));
    }
    expect(text).not.toMatch(/affected/);
    expect((await getDb().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).not.toBeNull();
  });
});
