import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { normalizePhone } from "@/lib/phone/normalize";
import { oncePerRegion, parsePhoneInput, phoneInput } from "@/lib/phone/phone-input";

const failure = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
};

const issue = (input: unknown) => phoneInput("US").safeParse(input).error?.issues[0]?.message;

describe("phoneInput", () => {
  it("gives E.164 for plainly written +1 numbers (fast path) and for everything else (normalizePhone)", () => {
    const parse = (raw: string) => phoneInput("US").parse(raw);
    expect(parse("(206) 555-0100")).toBe("+12065550100");
    expect(parse("+1 206 555 0100")).toBe("+12065550100");
    expect(parse("+44 20 7946 0958")).toBe("+442079460958");
    expect(parse("２０６-５５５-０１００")).toBe("+12065550100");
    expect(phoneInput("GB").parse("020 7946 0958")).toBe("+442079460958");
  });

  it("refuses with normalizePhone's problem as an i18n key", () => {
    for (const raw of ["555-0142", "(000) 555-0142", "2.06555E+09", "206 555 01x0", "", "1".repeat(41)]) {
      const n = normalizePhone(raw, "US");
      expect(n.ok).toBe(false);
      expect([raw, issue(raw)]).toEqual([raw, `phone.${!n.ok && n.problem}`]);
    }
  });

  it("says phone.empty when the number is missing, and refuses what is not text", () => {
    expect(issue(undefined)).toBe("phone.empty");
    expect(issue(2065550100)).toBe("errors.invalid_request");
    expect(issue(null)).toBe("errors.invalid_request");
    expect(issue(" ".repeat(200))).toBe("phone.too_long");
  });

  it("is built once per region", () => {
    expect(phoneInput("US")).toBe(phoneInput("US"));
    expect(phoneInput("GB")).not.toBe(phoneInput("US"));
  });
});

describe("parsePhoneInput", () => {
  const schema = z.object({ phone: phoneInput("US"), note: z.string().max(3, "errors.invalid_request") });

  it("returns the parsed input", () => {
    expect(parsePhoneInput(schema, { phone: "206.555.0100", note: "ok" })).toEqual({
      phone: "+12065550100",
      note: "ok",
    });
  });

  it("answers a refused number with 400 invalid_phone and the problem", () => {
    const e = failure(() => parsePhoneInput(schema, { phone: "555-0142", note: "ok" }));
    expect([e.code, e.status, e.details]).toEqual([
      "invalid_phone",
      400,
      { fields: { phone: "phone.too_short" }, problem: "too_short" },
    ]);
    expect(failure(() => parsePhoneInput(schema, { note: "ok" })).details.problem).toBe("empty");
  });

  it("leaves other refusals as invalid_request", () => {
    const e = failure(() => parsePhoneInput(schema, { phone: "206.555.0100", note: "too long" }));
    expect([e.code, e.details]).toEqual(["invalid_request", { fields: { note: "errors.invalid_request" } }]);
    expect(failure(() => parsePhoneInput(schema, { phone: 42, note: "ok" })).code).toBe("invalid_request");
  });
});

describe("oncePerRegion", () => {
  it("builds once for each region", () => {
    const built: string[] = [];
    const get = oncePerRegion((region) => {
      built.push(region);
      return { region };
    });
    expect(get("US")).toBe(get("US"));
    get("CA");
    expect(built).toEqual(["US", "CA"]);
  });
});
