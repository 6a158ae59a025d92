/** Shows only the last 4 digits, for the places a number must be shown at all. */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/\D/g, "");
  return `•••${digits.slice(-4)}`;
}
