import { describe, expect, it } from "vitest";
import { isDemoNumber } from "@/lib/sms/demo-fence";

describe("isDemoNumber", () => {
  it("takes NANP 555-0100 to 555-0199 in any area code", () => {
    for (const n of ["+12065550100", "+12065550199", "+12125550150", "+14165550100", "+18765550123", "+19995550142"]) {
      expect(isDemoNumber(n), n).toBe(true);
    }
  });

  it("refuses the rest of 555 and every other number", () => {
    for (const n of [
      "+12065550099", // just below the range
      "+12065550200", // just above
      "+12065551234", // 555 outside the fictional block (directory assistance and others)
      "+12066050100",
      "+15550100", // too short
      "+120655501000", // too long
      "+442065550100", // not NANP
      "+11065550100", // not an area code
      "2065550100", // not E.164
    ]) {
      expect(isDemoNumber(n), n).toBe(false);
    }
  });
});
