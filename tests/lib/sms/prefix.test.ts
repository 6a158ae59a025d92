import { describe, expect, it } from "vitest";
import { numberPrefix } from "@/lib/sms/prefix";

describe("numberPrefix", () => {
  it("is +1 and the area code for North American numbers, whatever the digits setting", () => {
    expect(numberPrefix("+12065550100", 5)).toBe("+1206");
    expect(numberPrefix("+18762345678", 2)).toBe("+1876");
    expect(numberPrefix("+14165550100", 6)).toBe("+1416");
  });

  it("is the first digits of the E.164 form elsewhere, country code included", () => {
    expect(numberPrefix("+447946000000", 5)).toBe("+44794");
    expect(numberPrefix("+33612345678", 5)).toBe("+33612");
    expect(numberPrefix("+35387123456", 4)).toBe("+3538");
    expect(numberPrefix("+881612345678", 3)).toBe("+881");
  });
});
