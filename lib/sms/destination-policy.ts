import { parsePhoneNumberFromString, type NumberType } from "libphonenumber-js/max";
import type { Config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { getTranslator } from "@/lib/i18n/translator";
import { isDemoNumber } from "@/lib/sms/demo-fence";

/**
 * The number types a person carries and reads texts on. libphonenumber gives most US and
 * Canadian numbers FIXED_LINE_OR_MOBILE (the plan does not tell them apart), so that
 * type must pass. Everything else is refused, and so is a type libphonenumber cannot
 * tell: premium rate, toll free, shared cost, UAN, pager and voicemail are where pumped
 * texts earn money; FIXED_LINE cannot read a text; VOIP and PERSONAL_NUMBER ranges
 * forward to anywhere and are not numbers a mobile carrier's customer has on the account.
 */
const TEXTABLE_TYPES: ReadonlySet<NumberType> = new Set<NumberType>(["MOBILE", "FIXED_LINE_OR_MOBILE"]);

export type DestinationPolicy = {
  /** libphonenumber region codes (US, PR, GB…): decided by region, never by calling code. */
  allowedRegions: readonly string[];
  /** The demo outbox: only the fictional demo range gets a code (lib/sms/demo-fence.ts). */
  demoOnly: boolean;
};

export type DestinationVerdict =
  | { ok: true }
  | { ok: false; code: "number_not_supported"; reason: "type" | "region" }
  | { ok: false; code: "demo_numbers_only" };

export function destinationPolicy(config: Pick<Config, "smsAllowedRegions" | "smsProvider">): DestinationPolicy {
  return { allowedRegions: config.smsAllowedRegions, demoOnly: config.smsProvider === "outbox" };
}

/**
 * Whether a code may be texted to an E.164 number. It depends on the number alone (its
 * type and region in libphonenumber's metadata), never on the breach lists, so a refusal
 * says nothing about whether the number was affected. Type first, so a premium-rate
 * number is refused as such even by the demo.
 */
export function judgeDestination(e164: string, policy: DestinationPolicy): DestinationVerdict {
  const phone = parsePhoneNumberFromString(e164);
  const type = phone?.getType();
  if (!phone || !type || !TEXTABLE_TYPES.has(type)) return { ok: false, code: "number_not_supported", reason: "type" };
  if (policy.demoOnly && !isDemoNumber(e164)) return { ok: false, code: "demo_numbers_only" };
  // Non-geographic numbers (+881 satellite, +800…) have no region and are never allowed.
  if (!phone.country || !policy.allowedRegions.includes(phone.country)) {
    return { ok: false, code: "number_not_supported", reason: "region" };
  }
  return { ok: true };
}

/** judgeDestination for the check flow: throws number_not_supported or demo_numbers_only. */
export function assertDestination(e164: string, policy: DestinationPolicy): void {
  const verdict = judgeDestination(e164, policy);
  if (!verdict.ok) throw new AppError(verdict.code);
}

type T = ReturnType<typeof getTranslator>;

/** number_not_supported's message, naming the carrier's support contact (SUPPORT_CONTACT). */
export function numberNotSupportedMessage(supportContact: string, t: T = getTranslator()): string {
  return t("errors.number_not_supported_contact", { support: supportContact });
}
