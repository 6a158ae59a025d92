import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { asAppError, errorAnswer } from "@/lib/http/respond";
import { log } from "@/lib/log";

describe("asAppError", () => {
  afterEach(() => vi.restoreAllMocks());

  it("passes an AppError through, unlogged", () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const error = new AppError("name_taken", { fields: { name: "errors.api_key_name_taken" } });
    expect(asAppError(error, "API key action")).toBe(error);
    expect(logged).not.toHaveBeenCalled();
  });

  it("logs anything else and turns it into internal, which says nothing of it", () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const cause = new Error("connection refused by 10.0.0.5");
    const error = asAppError(cause, "check flow");
    expect(error).toMatchObject({ code: "internal", status: 500, details: {} });
    expect(logged).toHaveBeenCalledWith({ err: cause }, "check flow failed");
    expect(JSON.stringify(errorAnswer(cause).body)).not.toContain("10.0.0.5");
  });
});
