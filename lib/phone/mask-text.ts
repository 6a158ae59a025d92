import { maskPhone } from "@/lib/phone/mask";

// Shapes that look like digit runs but are not numbers people own: kept as they are so
// request ids, timestamps and addresses stay readable in logs.
const UUID = String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;
const ISO_TIME = String.raw`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const IPV4 = String.raw`(?<!\d)\d{1,3}(?:\.\d{1,3}){3}(?!\d)`;
// Digits with the separators people type between them (+1 (206) 555-0142, 206.555.0142),
// not glued to letters (hex ids, Twilio SIDs).
const RUN = String.raw`(?<![0-9A-Za-z])\+?\d[\d\s().\/-]{5,}\d(?![0-9A-Za-z])`;
const PATTERN = new RegExp(`(${UUID}|${ISO_TIME}|${IPV4})|${RUN}`, "g");
const SEVEN_DIGITS = /(?:\d\D*){7}/;

/**
 * Masks every run of 7+ digits in free text to its last four (•••0142): the safety net
 * for text that may quote a phone number (log messages, provider errors).
 */
export function maskNumbersInText(text: string): string {
  // Most log strings hold fewer than 7 digits in all: skip the replace for them.
  if (!SEVEN_DIGITS.test(text)) return text;
  // URL-encoded text (%2B, %20) would hide a number's separators: mask it decoded.
  if (text.includes("%")) text = decoded(text);
  return text.replace(PATTERN, (match, kept: string | undefined) => {
    if (kept) return match;
    const digits = match.replace(/\D/g, "");
    return digits.length >= 7 ? maskPhone(digits) : match;
  });
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
