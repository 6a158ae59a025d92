import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import {
  assertDestination,
  destinationPolicy,
  judgeDestination,
  numberNotSupportedMessage,
  type DestinationPolicy,
} from "@/lib/sms/destination-policy";

const twilioUS: DestinationPolicy = { allowedRegions: ["US"], demoOnly: false };
const outboxUS: DestinationPolicy = { allowedRegions: ["US"], demoOnly: true };
const wide: DestinationPolicy = {
  allowedRegions: ["US", "JM", "GB", "FR", "IT", "CH", "DE", "PR", "CA"],
  demoOnly: false,
};

const refusedType = { ok: false, code: "number_not_supported", reason: "type" };
const refusedRegion = { ok: false, code: "number_not_supported", reason: "region" };

describe("judgeDestination: by type, whatever the regions allowed", () => {
  it("texts mobile and fixed-line-or-mobile numbers (most US numbers are the latter)", () => {
    for (const n of ["+12062345678", "+12066051234", "+13125550150", "+17875550100", "+16475550100"]) {
      expect(judgeDestination(n, wide), n).toEqual({ ok: true }); // FIXED_LINE_OR_MOBILE in US, PR, CA
    }
    for (const n of ["+447946000000", "+33612345678", "+4915112345678", "+18762345678"]) {
      expect(judgeDestination(n, wide), n).toEqual({ ok: true }); // MOBILE in GB, FR, DE, JM
    }
  });

  it("refuses premium rate, toll free, shared cost, UAN, pager, voicemail, VoIP, personal and fixed lines", () => {
    for (const n of [
      "+19002345678", // US premium rate
      "+449079460000", // UK premium rate
      "+448451234567", // UK 084x, premium rate in the metadata
      "+33899123456", // FR premium rate
      "+18005551234", // US toll free
      "+18665550100", // US toll free
      "+41840123456", // CH shared cost
      "+445512345678", // UK UAN
      "+447640123456", // UK pager
      "+3933912345678", // IT voicemail
      "+445612345678", // UK VoIP
      "+33912345678", // FR VoIP
      "+15005550100", // US personal number (500)
      "+447045123456", // UK personal number (070)
      "+441212345678", // UK fixed line
      "+33123456789", // FR fixed line
      "+49301234567", // DE fixed line
    ]) {
      expect(judgeDestination(n, wide), n).toEqual(refusedType);
    }
  });

  it("refuses what libphonenumber cannot type or parse", () => {
    expect(judgeDestination("+448812345678", wide)).toEqual(refusedType); // not a valid number
    expect(judgeDestination("not a number", wide)).toEqual(refusedType);
  });
});

describe("judgeDestination: by region, not by calling code", () => {
  it("keeps +1 numbers of other NANP countries out of a US-only deployment", () => {
    expect(judgeDestination("+18762345678", twilioUS)).toEqual(refusedRegion); // Jamaica
    expect(judgeDestination("+18765550100", twilioUS)).toEqual(refusedRegion);
    expect(judgeDestination("+16475550100", twilioUS)).toEqual(refusedRegion); // Canada
    expect(judgeDestination("+17875550100", twilioUS)).toEqual(refusedRegion); // Puerto Rico, its own region
    expect(judgeDestination("+18762345678", { ...twilioUS, allowedRegions: ["US", "JM"] })).toEqual({ ok: true });
  });

  it("refuses foreign numbers and non-geographic ranges such as +881 satellite phones", () => {
    expect(judgeDestination("+447946000000", twilioUS)).toEqual(refusedRegion);
    // libphonenumber types +881 6 as MOBILE but gives it no region: never allowed.
    expect(judgeDestination("+881612345678", wide)).toEqual(refusedRegion);
  });

  it("goes by the number's region within a calling code (+44 7911 is Guernsey in the metadata)", () => {
    expect(judgeDestination("+447911123456", { allowedRegions: ["GB"], demoOnly: false })).toEqual(refusedRegion);
    expect(judgeDestination("+447911123456", { allowedRegions: ["GB", "GG"], demoOnly: false })).toEqual({ ok: true });
  });
});

describe("judgeDestination under the demo outbox", () => {
  it("texts the demo numbers, which libphonenumber types FIXED_LINE_OR_MOBILE", () => {
    for (const n of ["+12065550100", "+12065550101", "+12065550102", "+12065550103", "+12065550199"]) {
      expect(judgeDestination(n, outboxUS), n).toEqual({ ok: true });
    }
  });

  it("refuses every real number with demo_numbers_only", () => {
    for (const n of ["+12062345678", "+12065550200", "+12065551234"]) {
      expect(judgeDestination(n, outboxUS), n).toEqual({ ok: false, code: "demo_numbers_only" });
    }
  });

  it("still refuses by type first, and demo-range numbers outside the allowed regions", () => {
    expect(judgeDestination("+19002345678", outboxUS)).toEqual(refusedType);
    expect(judgeDestination("+18005550100", outboxUS)).toEqual(refusedType); // 555-0100 behind a toll-free code
    expect(judgeDestination("+18765550100", outboxUS)).toEqual(refusedRegion); // Jamaica's 555-0100
  });
});

describe("destinationPolicy and assertDestination", () => {
  const base = { DATABASE_URL: "postgresql://app@db.internal:5432/x", LOOKUP_SECRET: "s".repeat(40) };

  it("takes the allowed regions from SMS_ALLOWED_REGIONS, else DEFAULT_REGION, and fences the outbox", () => {
    expect(destinationPolicy(parseConfig({ ...base, SMS_PROVIDER: "outbox" }))).toEqual(outboxUS);
    expect(destinationPolicy(parseConfig({ ...base, SMS_PROVIDER: "outbox", DEFAULT_REGION: "GB" }))).toEqual({
      allowedRegions: ["GB"],
      demoOnly: true,
    });
    const twilio = {
      ...base,
      SMS_PROVIDER: "twilio",
      TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
      TWILIO_AUTH_TOKEN: "t".repeat(32),
      TWILIO_FROM: "+12065550000",
    };
    expect(destinationPolicy(parseConfig({ ...twilio, SMS_ALLOWED_REGIONS: "us, pr,US" }))).toEqual({
      allowedRegions: ["US", "PR"],
      demoOnly: false,
    });
  });

  it("throws the verdict's error code, with its status", () => {
    const refusal = (n: string, p: DestinationPolicy) => {
      try {
        assertDestination(n, p);
        return null;
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        return { code: (e as AppError).code, status: (e as AppError).status };
      }
    };
    expect(refusal("+12065550100", outboxUS)).toBeNull();
    expect(refusal("+19002345678", twilioUS)).toEqual({ code: "number_not_supported", status: 422 });
    expect(refusal("+12062345678", outboxUS)).toEqual({ code: "demo_numbers_only", status: 422 });
  });

  it("tells the customer whom to contact instead", () => {
    expect(numberNotSupportedMessage("611 from your phone")).toBe(
      "We can only text a code to a mobile number on our network. To check any other number, contact 611 from your phone.",
    );
  });
});
