import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  authenticateApiKey,
  KEY_CACHE_MS,
  KeyCache,
  LAST_USED_RESOLUTION_MS,
  REFUSED_KEY_CACHE_MS,
} from "@/lib/api-keys/authenticate";
import { bearerToken, isWellFormedApiKey, newApiKey } from "@/lib/api-keys/keys";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys/manage";
import { CreateApiKeyInput } from "@/lib/api-keys/schemas";
import { CLI_ACTOR } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { getSql, type Sql } from "@/lib/db/sql";
import { testClock } from "@/tests/support/deps";
import { uniqueTag } from "@/tests/support/unique-tag";

const owner = { id: "owner-api-keys", email: `owner-${uniqueTag()}@example.com` };
const create = (name = `key ${uniqueTag()}`) => createApiKey(getDb(), { name }, { actor: owner, ip: "192.0.2.40" });

describe("API keys", () => {
  it("are 256 random bits behind a recognisable prefix, stored only as their SHA-256", async () => {
    const a = newApiKey();
    expect(a.key).toMatch(/^ek_live_[A-Za-z0-9_-]{43}$/);
    expect(isWellFormedApiKey(a.key)).toBe(true);
    expect(newApiKey().key).not.toBe(a.key);

    const created = await create();
    expect(created.prefix).toBe(created.key.slice(0, 12));
    // A plain UUID: the audit log keeps ids readable.
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const row = await getDb().apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(Buffer.from(row.keyHash).equals(createHash("sha256").update(created.key).digest())).toBe(true);
    expect(row).toMatchObject({
      name: created.name,
      prefix: created.prefix,
      createdById: owner.id,
      createdByEmail: owner.email,
      lastUsedAt: null,
      revokedAt: null,
    });
    // The key itself is nowhere in the row, nor in the audit entry.
    expect(JSON.stringify({ ...row, keyHash: null })).not.toContain(created.key.slice(12));
    const audit = await getDb().auditLog.findFirstOrThrow({
      where: { action: "api_key_created", actorEmail: owner.email },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({
      actorId: owner.id,
      target: `${created.name} (${created.prefix}…)`,
      details: { keyId: created.id },
      ip: "192.0.2.40",
    });
    expect(JSON.stringify(audit.details) + audit.target).not.toContain(created.key.slice(12));
  });

  it("refuses a second active key with the same name, and names that are empty, too long or look like numbers", async () => {
    const first = await create();
    await expect(create(first.name)).rejects.toMatchObject({ code: "name_taken" });
    for (const [name, message] of [
      ["  ", "errors.api_key_name_required"],
      ["x".repeat(81), "errors.api_key_name_too_long"],
      ["login <page>", "errors.api_key_name_invalid"],
      ["page 206 555 0100", "errors.api_key_name_digits"],
    ]) {
      expect(CreateApiKeyInput.safeParse({ name }).error?.issues[0]?.message).toBe(message);
    }
    expect(CreateApiKeyInput.safeParse({ name: "Login page (production) v2" }).success).toBe(true);
    // Once revoked, its name is free again (rotating a key keeps its name).
    await revokeApiKey(getDb(), { keyId: first.id, confirm: "yes" }, { actor: owner });
    await expect(create(first.name)).resolves.toMatchObject({ name: first.name });
  });

  it("authenticate a Bearer header until revoked, with one answer for missing, malformed, unknown and revoked keys", async () => {
    const key = await create();
    const deps = { sql: getSql(), now: () => new Date() };
    await expect(authenticateApiKey(deps, `Bearer ${key.key}`)).resolves.toEqual({
      id: key.id,
      name: key.name,
      prefix: key.prefix,
    });
    await expect(authenticateApiKey(deps, `bearer   ${key.key} `)).resolves.toMatchObject({ id: key.id });
    await expect(authenticateApiKey(deps, null)).rejects.toMatchObject({ code: "api_key_required", status: 401 });
    for (const header of [key.key, `Basic ${key.key}`, `Bearer ${key.key}x`, `Bearer ${newApiKey().key}`, "Bearer "]) {
      await expect(authenticateApiKey(deps, header)).rejects.toMatchObject({ code: "invalid_api_key", status: 401 });
    }

    expect(await revokeApiKey(getDb(), { keyId: key.id, confirm: "yes" }, { actor: owner, ip: "192.0.2.41" })).toEqual({
      changed: true,
      name: key.name,
    });
    await expect(authenticateApiKey(deps, `Bearer ${key.key}`)).rejects.toMatchObject({ code: "invalid_api_key" });
    expect(await revokeApiKey(getDb(), { keyId: key.id, confirm: "yes" }, { actor: owner })).toEqual({
      changed: false,
      name: key.name,
    });
    expect(
      await getDb().auditLog.count({
        where: { action: "api_key_revoked", details: { path: ["keyId"], equals: key.id } },
      }),
    ).toBe(1);

    await expect(revokeApiKey(getDb(), { keyId: key.id }, { actor: owner })).rejects.toMatchObject({
      code: "invalid_request",
    });
    await expect(
      revokeApiKey(getDb(), { keyId: "no-such-key", confirm: "yes" }, { actor: owner }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("record the last use at most once a minute", async () => {
    const key = await create();
    const clock = testClock(new Date("2026-11-24T10:00:00Z"));
    const deps = { sql: getSql(), now: clock.now };
    const lastUsed = async () =>
      (await getDb().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt?.toISOString();

    await authenticateApiKey(deps, `Bearer ${key.key}`);
    expect(await lastUsed()).toBe("2026-11-24T10:00:00.000Z");
    clock.advance(LAST_USED_RESOLUTION_MS - 1000);
    await authenticateApiKey(deps, `Bearer ${key.key}`);
    expect(await lastUsed()).toBe("2026-11-24T10:00:00.000Z");
    clock.advance(1000);
    await authenticateApiKey(deps, `Bearer ${key.key}`);
    expect(await lastUsed()).toBe("2026-11-24T10:01:00.000Z");
  });

  it("trust a checked key for KEY_CACHE_MS at most: revoked elsewhere, it stops working within it; here, at once", async () => {
    const key = await create();
    const clock = testClock();
    const deps = { sql: getSql(), now: clock.now, keyCache: new KeyCache() };
    await expect(authenticateApiKey(deps, `Bearer ${key.key}`)).resolves.toMatchObject({ id: key.id });
    // Revoked by another app process (straight in the database, as its console would).
    await getDb().apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    clock.advance(KEY_CACHE_MS - 1);
    await expect(authenticateApiKey(deps, `Bearer ${key.key}`)).resolves.toMatchObject({ id: key.id });
    clock.advance(1);
    await expect(authenticateApiKey(deps, `Bearer ${key.key}`)).rejects.toMatchObject({ code: "invalid_api_key" });
    // An unknown key is refused.
    await expect(authenticateApiKey(deps, `Bearer ${newApiKey().key}`)).rejects.toMatchObject({
      code: "invalid_api_key",
    });

    // Revoked through this process: refused on the next call.
    const other = await create();
    await expect(authenticateApiKey(deps, `Bearer ${other.key}`)).resolves.toMatchObject({ id: other.id });
    await revokeApiKey(getDb(), { keyId: other.id, confirm: "yes" }, { actor: owner });
    await expect(authenticateApiKey(deps, `Bearer ${other.key}`)).rejects.toMatchObject({ code: "invalid_api_key" });
  });

  it("remember a refused key for REFUSED_KEY_CACHE_MS: a flood repeating it costs one query per window", async () => {
    const clock = testClock();
    let queries = 0;
    const sql: Sql = (statement, values) => {
      queries++;
      return getSql()(statement, values);
    };
    const deps = { sql, now: clock.now, keyCache: new KeyCache() };
    const unknown = `Bearer ${newApiKey().key}`;
    await expect(authenticateApiKey(deps, unknown)).rejects.toMatchObject({ code: "invalid_api_key" });
    expect(queries).toBe(1);
    for (let i = 0; i < 5; i++)
      await expect(authenticateApiKey(deps, unknown)).rejects.toMatchObject({ code: "invalid_api_key" });
    clock.advance(REFUSED_KEY_CACHE_MS - 1);
    await expect(authenticateApiKey(deps, unknown)).rejects.toMatchObject({ code: "invalid_api_key" });
    expect(queries).toBe(1);
    // After the window it is asked again; another unknown key is asked at once.
    clock.advance(1);
    await expect(authenticateApiKey(deps, unknown)).rejects.toMatchObject({ code: "invalid_api_key" });
    expect(queries).toBe(2);
    await expect(authenticateApiKey(deps, `Bearer ${newApiKey().key}`)).rejects.toMatchObject({
      code: "invalid_api_key",
    });
    expect(queries).toBe(3);
    // A valid key is unaffected by the refusals around it.
    const key = await create();
    await expect(authenticateApiKey(deps, `Bearer ${key.key}`)).resolves.toMatchObject({ id: key.id });
  });

  it("keep at most 10,000 refused keys, starting over rather than growing", () => {
    const cache = new KeyCache();
    for (let i = 0; i < 10_000; i++) cache.setRefused(`k${i}`, 0);
    expect(cache.isRefused("k0", 1)).toBe(true);
    cache.setRefused("one more", 0);
    expect(cache.isRefused("k0", 1)).toBe(false);
    expect(cache.isRefused("one more", 1)).toBe(true);
  });

  it("are listed active first, then revoked, with who created them", async () => {
    const a = await create();
    const b = await createApiKey(getDb(), { name: `cli ${uniqueTag()}` }, { actor: CLI_ACTOR });
    await revokeApiKey(getDb(), { keyId: a.id, confirm: "yes" }, { actor: owner });
    const list = await listApiKeys(getDb());
    const ids = list.map((k) => k.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    expect(list.find((k) => k.id === b.id)).toMatchObject({ createdByEmail: "cli", revokedAt: null });
    expect(list.every((k, i) => i === 0 || !list[i - 1]!.revokedAt || k.revokedAt)).toBe(true);
    expect(Object.keys(list[0]!)).not.toContain("keyHash");
    expect(bearerToken("Bearer abc")).toBe("abc");
  });
});
