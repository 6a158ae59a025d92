import { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { fastNormalizer } from "@/lib/phone/fast-normalize";
import { MAX_PHONE_INPUT } from "@/lib/phone/normalize";
import { parseInput } from "@/lib/validation/parse-input";

/** Namespace of the i18n keys this schema's issues carry: `phone.<problem>`. */
const PHONE_KEY = "phone.";

/**
 * A phone number as typed, in every input that takes one (the check, the agent lookup,
 * the integration lookup): E.164 out, or an issue `phone.<problem>` (an i18n key; the
 * problems are normalizePhone's). Built once per region, since the busy paths parse with
 * it on every call. Behind it, normalizePhone's answers with its cost skipped for plainly
 * written +1 numbers (fastNormalizer).
 */
export const phoneInput = oncePerRegion((region) => {
  const normalize = fastNormalizer(region);
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${PHONE_KEY}empty` : "errors.invalid_request") })
    .max(MAX_PHONE_INPUT * 4, `${PHONE_KEY}too_long`)
    .transform((raw, ctx) => {
      const n = normalize(raw);
      if (!n.ok) {
        ctx.addIssue({ code: "custom", message: `${PHONE_KEY}${n.problem}` });
        return z.NEVER;
      }
      return n.e164;
    });
});

/**
 * parseInput for an input with a `phone` field (phoneInput): a refused number is a 400
 * invalid_phone whose `problem` says why; any other refusal is parseInput's.
 */
export function parsePhoneInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  try {
    return parseInput(schema, data);
  } catch (error) {
    const fields = isAppError(error) ? error.details.fields : undefined;
    const key = fields?.phone;
    if (!key?.startsWith(PHONE_KEY)) throw error;
    throw new AppError("invalid_phone", { fields, problem: key.slice(PHONE_KEY.length) });
  }
}

/** A schema (or anything) built once per region and kept: `build` runs once for each. */
export function oncePerRegion<T>(build: (region: string) => T): (region: string) => T {
  const built = new Map<string, T>();
  return (region) => {
    let value = built.get(region);
    if (value === undefined) built.set(region, (value = build(region)));
    return value;
  };
}
