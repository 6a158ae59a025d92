import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

/** Runs `npm start`'s launcher (or another script) with the given environment; it exits before serving. */
function launch(env: Record<string, string>, script = "scripts/start.ts") {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(DATABASE_URL|LOOKUP_|SMS_PROVIDER|TWILIO_|EMBEDDED_DB|RATE_LIMIT|PORT$)/.test(k),
    ),
  );
  return spawnSync(process.execPath, ["--import", "tsx", script], {
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
    expect(r.stderr).toMatch(/cannot start[\s\S]*\nLOOKUP_SECRET: is required with an external DATABASE_URL/);
  });

  it("with an external database in verified mode and no SMS provider chosen", () => {
    const r = launch({ DATABASE_URL: "postgresql://app@127.0.0.1:1/none", LOOKUP_SECRET: "x".repeat(40) });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\nSMS_PROVIDER: is required/);
  });
});

describe("a bad configuration stops the start with one line per problem, all at once", () => {
  const bad = {
    DATABASE_URL: "postgresql://app@127.0.0.1:1/none",
    LOOKUP_SECRET: "too-short",
    LOOKUP_MODE: "loose",
    SMS_PROVIDER: "twilio",
    TWILIO_FROM: "+12065550000",
    PORT: "http",
  };
  const expected = [
    "LOOKUP_MODE: must be one of verified, open",
    "LOOKUP_SECRET: must be at least 32 characters (use `openssl rand -hex 32`)",
    "PORT: must be a whole number",
    "TWILIO_ACCOUNT_SID: is required when SMS_PROVIDER=twilio",
    "TWILIO_AUTH_TOKEN: is required when SMS_PROVIDER=twilio",
  ];

  it.each([
    ["npm start", "scripts/start.ts"],
    ["the server on its own", "scripts/server.ts"],
  ])("%s: exit 1, a heading, the problems and no stack trace", (_, script) => {
    const r = launch(bad, script);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toBe("Exposure Check cannot start: fix these 5 variables.");
    expect(lines.slice(1).sort()).toEqual(expected);
    expect(r.stderr).not.toMatch(/^\s+at |Error:|too-short/m);
    expect(r.stdout).toBe("");
  });
});
