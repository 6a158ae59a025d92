import { describe, expect, it } from "vitest";
import { holdsNumber, maskNumbersInText } from "@/lib/phone/mask-text";

describe("maskNumbersInText", () => {
  it("masks runs of 7+ digits to the last four and leaves ids, times, addresses and short numbers", () => {
    expect(maskNumbersInText("to +1 (206) 555-0142 now")).toBe("to •••0142 now");
    expect(maskNumbersInText("HTTP 503 after 1200 ms, 3 tries")).toBe("HTTP 503 after 1200 ms, 3 tries");
    expect(maskNumbersInText("at 2026-11-24 10:00:00 from 203.0.113.7")).toBe(
      "at 2026-11-24 10:00:00 from 203.0.113.7",
    );
    expect(maskNumbersInText("sid SM1234567890abcdef1234567890abcdef")).toBe("sid SM1234567890abcdef1234567890abcdef");
    expect(maskNumbersInText("id 12345678-1234-1234-1234-123456789012")).toBe(
      "id 12345678-1234-1234-1234-123456789012",
    );
    expect(maskNumbersInText("/api/v1/exposures/%2B1%20206%20555%200142")).toBe("/api/v1/exposures/•••0142");
  });

  it("masks a number written in pairs, which an address shape would otherwise keep", () => {
    expect(maskNumbersInText("call 06.12.34.56.78 or 06 12 34 56 78")).toBe("call •••5678 or •••5678");
    expect(maskNumbersInText("from 203.0.113.7.")).toBe("from 203.0.113.7.");
  });

  it("leaves URL-encoded text as it was when it holds no number", () => {
    expect(maskNumbersInText("report%202026-11-24.csv")).toBe("report%202026-11-24.csv");
    expect(maskNumbersInText("50% of 2026-11-24")).toBe("50% of 2026-11-24");
  });
});

describe("holdsNumber", () => {
  it("says whether the masker would mask part of a text", () => {
    for (const text of ["page 206 555 0100", "+12065550142", "ops (206) 555-0142", "206/555/0142"]) {
      expect(holdsNumber(text)).toBe(true);
    }
    for (const text of ["Login page (production) v2", "batch 42 of 2021", "key 3f2a9c81d7", "2026-11-24"]) {
      expect(holdsNumber(text)).toBe(false);
    }
  });
});
