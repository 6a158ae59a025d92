import { Metadata } from "libphonenumber-js/core";
import metadata from "libphonenumber-js/metadata.max.json";
import { getCountryCallingCode, type CountryCode } from "libphonenumber-js/max";
import { MAX_PHONE_INPUT, normalizePhone, type NormalizedPhone } from "@/lib/phone/normalize";

/** ASCII digits with the separators people and exports use, and an optional +1 / 1. */
const SIMPLE = /^\s*(\+?1)?[\s.\-/]*\(?(\d{3})\)?[\s.\-/]*(\d{3})[\s.\-/]*(\d{4})\s*$/;

/** libphonenumber-js's number types, in the order its getNumberType() tries them. */
const TYPES = [
  "FIXED_LINE",
  "MOBILE",
  "PREMIUM_RATE",
  "TOLL_FREE",
  "SHARED_COST",
  "VOIP",
  "PERSONAL_NUMBER",
  "PAGER",
  "UAN",
  "VOICEMAIL",
];

type TypeDef = { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
type Plan = {
  selectNumberingPlan(country: string): void;
  getCountryCodesForCallingCode(code: string): string[] | undefined;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  nationalNumberPattern(): string;
  type(name: string): TypeDef;
};

const whole = (p: string) => new RegExp(`^(?:${p})$`);

/**
 * libphonenumber-js's number-type rule for one country (getNumberType: the general
 * pattern, then any type pattern whose possible lengths fit), compiled once.
 */
function hasType(plan: Plan, country: string): (national: string) => boolean {
  plan.selectNumberingPlan(country);
  const general = whole(plan.nationalNumberPattern());
  if (!plan.hasTypes()) return (n) => general.test(n);
  const types = TYPES.map((t) => plan.type(t))
    .filter((d): d is NonNullable<TypeDef> => Boolean(d && d.pattern()))
    .map((d) => ({ re: whole(d.pattern()), lengths: d.possibleLengths() }));
  return (n) => general.test(n) && types.some((t) => (!t.lengths || t.lengths.includes(n.length)) && t.re.test(n));
}

/**
 * Whether libphonenumber-js calls a +1 national number valid. The +1 countries share one
 * calling code, so the library first picks the number's country (getCountryByNationalNumber:
 * in metadata order, the first whose leading digits start the number or, lacking those,
 * whose types match it) and then validates it there. Same order, same rules, with the
 * regular expressions compiled once instead of on every call.
 */
export function nanpValidator(): (national: string) => boolean {
  const plan = new Metadata(metadata) as unknown as Plan;
  const countries = plan.getCountryCodesForCallingCode("1") ?? [];
  const rules = countries.map((country) => {
    plan.selectNumberingPlan(country);
    const leading = plan.leadingDigits();
    return { leading: leading ? new RegExp(leading) : null, valid: hasType(plan, country) };
  });
  return (n) => {
    for (const r of rules) {
      if (r.leading) {
        if (n.search(r.leading) === 0) return r.valid(n);
      } else if (r.valid(n)) return true;
    }
    return false;
  };
}

/**
 * normalizePhone's answers, faster, for imports and the busy lookup paths.
 * libphonenumber's parse is the largest cost of an import and of an API lookup; for
 * plainly written numbers of a +1 region (the bulk of a carrier's export and of what its
 * login page sends) we skip the parse and apply the library's country and validity rules
 * to the 10 digits directly. Anything else — and every number
 * the shortcut would refuse — goes through normalizePhone, so the shortcut can only
 * accept; tests/lib/phone/fast-normalize.test.ts proves it agrees with normalizePhone.
 */
export function fastNormalizer(region: string): (raw: string) => NormalizedPhone {
  const nanp = getCountryCallingCode(region as CountryCode) === "1";
  const valid = nanp ? nanpValidator() : () => false;
  return (raw) => {
    // Longer input is normalizePhone's to refuse (too_long), however plain.
    if (nanp && raw.length <= MAX_PHONE_INPUT) {
      const m = SIMPLE.exec(raw);
      if (m) {
        const national = m[2]! + m[3]! + m[4]!;
        if (valid(national)) return { ok: true, e164: `+1${national}` };
      }
    }
    return normalizePhone(raw, region);
  };
}
