/**
 * The prefix a number's texts are budgeted and watched under: "+1" and the area code
 * for North American numbers (the plan's natural unit, and where pumping ranges are
 * bought), elsewhere the first `digits` digits of the E.164 form, country code
 * included. A prefix covers a whole range of numbers (an area code holds up to 8
 * million), so it is not personal data: counts kept under it never hold a number.
 */
export function numberPrefix(e164: string, digits: number): string {
  const d = e164.replace(/\D/g, "");
  return `+${d.startsWith("1") ? d.slice(0, 4) : d.slice(0, digits)}`;
}
