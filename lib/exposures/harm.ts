/**
 * What a person should worry about first: the kinds of exposed data ranked by the harm
 * they enable. Identity documents open credit in someone's name; a PIN or password takes
 * over the account; a birth date or financial numbers help both; device ids help SIM
 * swaps; contact details help phishing; a name alone does little. The labels are free
 * text written in the console, in English or Spanish, so the rank reads their words;
 * an unknown label sits in the middle and the console's order breaks ties.
 */
const TIERS: RegExp[] = [
  /social security|\bssn\b|seguro social|\bitin\b|tax id|driver'?s? licen[cs]e|licencia|passport|pasaporte|\bid information|identificaci[oó]n/i,
  /\bpins?\b|passwords?|contraseña|security (question|answer)|pregunta de seguridad/i,
  /dates? of birth|birth ?dates?|fecha de nacimiento|bank|card number|tarjeta|cuenta bancaria/i,
  /\bimei\b|\bimsi\b|account number|n[uú]mero de cuenta|\bsim\b/i,
];
/** Contact details and names: real, but the least harmful alone. */
const LOW: RegExp[] = [/address|direcci[oó]n|e-?mail|correo|phone|tel[eé]fono/i, /name|nombre/i];

function rank(label: string): number {
  const tier = TIERS.findIndex((re) => re.test(label));
  if (tier >= 0) return tier;
  const low = LOW.findIndex((re) => re.test(label));
  // Unknown labels rank after the known harmful ones and before contact details.
  return low >= 0 ? TIERS.length + 1 + low : TIERS.length;
}

/** The labels, most harmful first; equal ranks keep the order they were written in. */
export function rankByHarm(labels: readonly string[]): string[] {
  return labels
    .map((label, i) => ({ label, i, r: rank(label) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.label);
}
