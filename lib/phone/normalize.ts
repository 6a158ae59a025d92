import {
  parsePhoneNumberWithError,
  ParseError,
  validatePhoneNumberLength,
  type CountryCode,
} from "libphonenumber-js/max";

export type PhoneProblem =
  | "empty"
  | "invalid_characters"
  | "scientific_notation"
  | "too_short"
  | "too_long"
  | "invalid_country"
  | "invalid_number";

export type NormalizedPhone = { ok: true; e164: string } | { ok: false; problem: PhoneProblem };

/** What a person types: digits (any script), spaces, + ( ) . / and dashes. */
const ALLOWED = /^[\p{Nd}\s()+./\p{Pd}]+$/u;
/** What a spreadsheet makes of a long number: 2.06555E+09. */
const SCIENTIFIC = /^\s*\d+([.,]\d+)?e\+?\d+\s*$/i;
export const MAX_PHONE_INPUT = 40;

const LENGTH_PROBLEMS: Record<string, PhoneProblem> = {
  TOO_SHORT: "too_short",
  TOO_LONG: "too_long",
  INVALID_LENGTH: "invalid_number",
  INVALID_COUNTRY: "invalid_country",
  NOT_A_NUMBER: "invalid_number",
};

/**
 * Normalizes a typed phone number to E.164, or says why it is not one. Everything
 * downstream sees only the E.164 form; the raw input goes no further than this.
 */
export function normalizePhone(input: string, region: string): NormalizedPhone {
  const text = input.trim();
  if (text === "") return { ok: false, problem: "empty" };
  if (SCIENTIFIC.test(text)) return { ok: false, problem: "scientific_notation" };
  if (text.length > MAX_PHONE_INPUT) return { ok: false, problem: "too_long" };
  if (!ALLOWED.test(text)) return { ok: false, problem: "invalid_characters" };
  const defaultCountry = region as CountryCode;
  try {
    const phone = parsePhoneNumberWithError(text, { defaultCountry });
    if (phone.isValid()) return { ok: true, e164: phone.number };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
  }
  const length = validatePhoneNumberLength(text, defaultCountry);
  return { ok: false, problem: (length && LENGTH_PROBLEMS[length]) || "invalid_number" };
}
