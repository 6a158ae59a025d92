import { maskPhone } from "@/lib/phone/mask";

/**
 * The one masker for phone numbers in free text, shared by the logs (lib/log.ts), the
 * audit log (lib/audit/record.ts) and the names that end up there (lib/api-keys/schemas.ts).
 */

// Shapes that look like digit runs but are not numbers people own: kept as they are so
// request ids, timestamps and addresses stay readable. An address that goes on with more
// digits is a number written in pairs (06.12.34.56.78), not an address.
const UUID = String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;
const ISO_TIME = String.raw`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const IPV4 = String.raw`(?<!\d\.?)\d{1,3}(?:\.\d{1,3}){3}(?!\.?\d)`;
// Digits with the separators people type between them (+1 (206) 555-0142, 206.555.0142),
// not glued to letters (hex ids, Twilio SIDs, key ids).
const RUN = String.raw`(?<![0-9A-Za-z])\+?\d[\d\s().\/-]{5,}\d(?![0-9A-Za-z])`;
const PATTERN = new RegExp(`(${UUID}|${ISO_TIME}|${IPV4})|${RUN}`, "g");
const SEVEN_DIGITS = /(?:\d\D*){7}/;

/** A run that holds 7+ digits: a possible phone number. */
function isNumber(run: string): boolean {
  return run.replace(/\D/g, "").length >= 7;
}

/**
 * Masks every run of 7+ digits in free text to its last four (•••0142): the safety net
 * for text that may quote a phone number (log lines, provider errors, audit entries).
 */
export function maskNumbersInText(text: string): string {
  // Most strings hold fewer than 7 digits in all: skip the replace for them.
  if (!SEVEN_DIGITS.test(text)) return text;
  // URL-encoded text (%2B, %20) would hide a number's separators: it is masked decoded,
  // and left as it was when it holds no number.
  const plain = text.includes("%") ? decoded(text) : text;
  let masked = false;
  const out = plain.replace(PATTERN, (match, kept: string | undefined) => {
    if (kept || !isNumber(match)) return match;
    masked = true;
    return maskPhone(match);
  });
  return masked ? out : text;
}

/**
 * Whether maskNumbersInText would mask part of this text: a name holding a number would
 * be unreadable where it is shown masked.
 */
export function holdsNumber(text: string): boolean {
  return maskNumbersInText(text) !== text;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
