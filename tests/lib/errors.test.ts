// isAppError across copies of lib/errors.ts: Next.js bundles lib/ per route and page, and
// the services that throw may come from another bundle than the code that catches.
import { describe, expect, it, vi } from "vitest";
import { AppError, isAppError } from "@/lib/errors";

describe("isAppError", () => {
  it("knows an AppError from another copy of the module", async () => {
    vi.resetModules();
    const other = await import("@/lib/errors");
    expect(other.AppError).not.toBe(AppError);
    const foreign = new other.AppError("challenge_required");
    expect(foreign instanceof AppError).toBe(false);
    expect(isAppError(foreign)).toBe(true);
  });

  it("refuses other errors, including look-alikes", () => {
    expect(isAppError(new AppError("rate_limited"))).toBe(true);
    const lookalike = Object.assign(new Error("rate_limited"), { name: "AppError", code: "rate_limited", status: 429 });
    expect(isAppError(lookalike)).toBe(false);
    expect(isAppError({ code: "rate_limited" })).toBe(false);
    expect(isAppError(undefined)).toBe(false);
  });
});
