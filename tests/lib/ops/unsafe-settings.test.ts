import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { unsafeProductionSettings } from "@/lib/ops/unsafe-settings";

const base = {
  DATABASE_URL: "postgresql://app@db.internal:5432/exposure",
  LOOKUP_SECRET: "s".repeat(40),
  SMS_PROVIDER: "outbox",
};

describe("unsafeProductionSettings", () => {
  it("lists open mode and disabled limits under NODE_ENV=production", () => {
    const config = parseConfig({ ...base, NODE_ENV: "production", LOOKUP_MODE: "open", RATE_LIMITS: "off" });
    expect(unsafeProductionSettings(config)).toEqual(["LOOKUP_MODE=open", "RATE_LIMITS=off"]);
    expect(unsafeProductionSettings(parseConfig({ ...base, NODE_ENV: "production", RATE_LIMITS: "off" }))).toEqual([
      "RATE_LIMITS=off",
    ]);
  });

  it("is empty for a safe production configuration", () => {
    expect(unsafeProductionSettings(parseConfig({ ...base, NODE_ENV: "production" }))).toEqual([]);
  });

  it("is empty outside production, where demos and tests use these settings", () => {
    for (const NODE_ENV of ["development", "test"]) {
      expect(
        unsafeProductionSettings(parseConfig({ ...base, NODE_ENV, LOOKUP_MODE: "open", RATE_LIMITS: "off" })),
      ).toEqual([]);
    }
  });
});
