import { describe, expect, it } from "vitest";
import { adminCli } from "@/tests/support/cli";
import { GET as exposuresRoute } from "@/app/api/v1/exposures/[phone]/route";
import { getDb } from "@/lib/db/client";
import { ctx, setEnv } from "@/tests/support/api";
import { uniqueTag } from "@/tests/support/unique-tag";

const admin = adminCli;

describe("npm run admin -- create-api-key", () => {
  it("prints a working key once, on its last line, stores only its hash and audits it as the cli", async () => {
    const name = `bench ${uniqueTag()}`;
    const run = await admin(["create-api-key", "--name", name]);
    expect([run.code, run.err]).toEqual([0, ""]);
    const key = run.out.trimEnd().split("\n").at(-1)!;
    expect(key).toMatch(/^ek_live_[A-Za-z0-9_-]{43}$/);

    setEnv({ RATE_LIMITS: "off" });
    const res = await exposuresRoute(
      new Request("http://localhost/api/v1/exposures/2065550101", { headers: { authorization: `Bearer ${key}` } }),
      ctx({ phone: "2065550101" }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ phone: "+12065550101", affected: true });

    const row = await getDb().apiKey.findFirstOrThrow({ where: { name } });
    expect(row).toMatchObject({ createdById: null, createdByEmail: "cli", prefix: key.slice(0, 12) });
    expect(
      await getDb().auditLog.findFirst({
        where: { action: "api_key_created", actorEmail: "cli", details: { path: ["keyId"], equals: row.id } },
      }),
    ).not.toBeNull();

    const again = await admin(["create-api-key", "--name", name]);
    expect(again.code).toBe(1);
    expect(again.err).toContain("An active key already has this name.");
  }, 60_000);

  it("refuses a missing or bad name before touching the database", async () => {
    const missing = await admin(["create-api-key"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("--name NAME is required");
    const bad = await admin(["create-api-key", "--name", "call 206 555 0100"]);
    expect([bad.code, bad.err.trim()]).toEqual([
      1,
      "A name must not hold 7 or more digits in a row (they would look like a phone number).",
    ]);
  }, 60_000);
});
