import { describe, expect, it } from "vitest";
import { normalizePhone, type PhoneProblem } from "@/lib/phone/normalize";

const valid: [string, string][] = [
  ["(206) 555-0142", "+12065550142"],
  ["206.555.0142", "+12065550142"],
  ["206-555-0142", "+12065550142"],
  ["+1 206 555 0142", "+12065550142"],
  ["1-206-555-0142", "+12065550142"],
  ["  206   555  0142  ", "+12065550142"],
  ["2065550142", "+12065550142"],
  ["+12065550142", "+12065550142"],
  ["1 (206) 555-0142", "+12065550142"],
  ["+1 (206) 555-0142", "+12065550142"],
  ["206 555 0142", "+12065550142"],
  ["(206)555-0142", "+12065550142"],
  ["206/555-0142", "+12065550142"],
  ["\t206-555-0142\n", "+12065550142"],
  ["206–555–0142", "+12065550142"], // en dashes, as pasted from documents
  ["２０６５５５０１４２", "+12065550142"], // full-width digits
  ["+1.206.555.0100", "+12065550100"],
  ["011 44 20 7946 0958", "+442079460958"], // US international prefix
  ["+44 20 7946 0958", "+442079460958"],
  ["+1 800 555 0100", "+18005550100"],
];

const invalid: [string, PhoneProblem][] = [
  ["", "empty"],
  ["   ", "empty"],
  ["555-0142", "too_short"],
  ["206-555-014", "too_short"],
  ["206-555-01422", "too_long"],
  ["12345678901234567890123", "too_long"],
  ["(000) 555-0142", "invalid_number"],
  ["(206) 055-0142", "invalid_number"],
  ["911", "too_short"],
  ["2.06555E+09", "scientific_notation"],
  ["2,06555E+09", "scientific_notation"],
  ["206-555-0142 ext 12", "invalid_characters"],
  ["206-555-0142x", "invalid_characters"],
  ["1-800-FLOWERS", "invalid_characters"],
  ["abc", "invalid_characters"],
  ["+", "invalid_number"],
  ["+999 1234 5678", "invalid_country"],
  ["<script>alert(1)</script>", "invalid_characters"],
  ["206-555-0142; DROP TABLE", "invalid_characters"],
  ["x".repeat(500), "too_long"],
];

describe("normalizePhone", () => {
  it.each(valid)("accepts %j as %s", (input, e164) => {
    expect(normalizePhone(input, "US")).toEqual({ ok: true, e164 });
  });

  it.each(invalid)("refuses %j (%s)", (input, problem) => {
    expect(normalizePhone(input, "US")).toEqual({ ok: false, problem });
  });

  it("uses the configured region for national numbers", () => {
    expect(normalizePhone("020 7946 0958", "GB")).toEqual({ ok: true, e164: "+442079460958" });
    expect(normalizePhone("020 7946 0958", "US")).toMatchObject({ ok: false });
  });
});
