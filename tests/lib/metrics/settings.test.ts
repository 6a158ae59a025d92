// METRICS_PORT, METRICS_HOST and METRICS_TOKEN as lib/config.ts parses them.
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

const base = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5555/postgres",
  EMBEDDED_DB: "1",
  LOOKUP_SECRET: "s".repeat(40),
};

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig({ ...base, ...env });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe("metrics settings", () => {
  it("are off unless METRICS_PORT is set, then bound to loopback by default", () => {
    expect(parseConfig(base).metrics).toBeNull();
    expect(parseConfig({ ...base, METRICS_PORT: "9464" }).metrics).toEqual({
      port: 9464,
      host: "127.0.0.1",
      token: undefined,
    });
    expect(
      parseConfig({ ...base, METRICS_PORT: "9464", METRICS_HOST: "0.0.0.0", METRICS_TOKEN: "t".repeat(32) }).metrics,
    ).toEqual({ port: 9464, host: "0.0.0.0", token: "t".repeat(32) });
  });

  it("refuse the public port, a bad port and a short token", () => {
    expect(problems({ METRICS_PORT: "3000" })).toEqual([
      "METRICS_PORT: must differ from PORT: metrics are never served on the public listener",
    ]);
    expect(problems({ PORT: "8080", METRICS_PORT: "8080" })).toHaveLength(1);
    expect(problems({ METRICS_PORT: "metrics" })).toEqual(["METRICS_PORT: must be a whole number"]);
    expect(problems({ METRICS_PORT: "9464", METRICS_TOKEN: "short" })).toEqual([
      "METRICS_TOKEN: must be at least 16 characters",
    ]);
  });
});
