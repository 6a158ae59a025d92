import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

/** Runs `npm start`'s launcher with the given environment (it exits before serving). */
function launch(env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|LOOKUP_|SMS_PROVIDER|EMBEDDED_DB|RATE_LIMIT)/.test(k)),
  );
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: { ...clean, ...env } as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("npm start refuses unsafe configurations", () => {
  it("with an external database and no lookup secret", () => {
    const r = launch({ DATABASE_URL: "postgresql://app@127.0.0.1:1/none", SMS_PROVIDER: "outbox" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot start[\s\S]*LOOKUP_SECRET is required with an external DATABASE_URL/);
  });

  it("with an external database in verified mode and no SMS provider chosen", () => {
    const r = launch({ DATABASE_URL: "postgresql://app@127.0.0.1:1/none", LOOKUP_SECRET: "x".repeat(40) });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/SMS_PROVIDER is required/);
  });
});
