import { z } from "zod";
import { fastNormalizer } from "@/lib/phone/fast-normalize";
import { MAX_PHONE_INPUT } from "@/lib/phone/normalize";

/**
 * The inputs of a check, one schema each, shared by the form's server actions and the
 * API. Issue messages are i18n keys; the edges translate them.
 */
export function startCheckSchema(region: string) {
  // Built once per region: the API parses with it on every call.
  let schema = startSchemas.get(region);
  if (!schema) startSchemas.set(region, (schema = buildStartCheckSchema(region)));
  return schema;
}

const startSchemas = new Map<string, ReturnType<typeof buildStartCheckSchema>>();

function buildStartCheckSchema(region: string) {
  // normalizePhone's answers, with its cost skipped for plainly written +1 numbers.
  const normalize = fastNormalizer(region);
  return z.object({
    phone: z
      .string({ error: (issue) => (issue.input === undefined ? "phone.empty" : "errors.invalid_request") })
      .max(MAX_PHONE_INPUT * 4, "phone.too_long")
      .transform((raw, ctx) => {
        const n = normalize(raw);
        if (!n.ok) {
          ctx.addIssue({ code: "custom", message: `phone.${n.problem}` });
          return z.NEVER;
        }
        return n.e164;
      }),
  });
}

export const verifyCheckSchema = z.object({
  code: z
    .string({ error: (issue) => (issue.input === undefined ? "errors.code_format" : "errors.invalid_request") })
    .max(32, "errors.code_format")
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "errors.code_format")),
});

export const checkIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "errors.check_not_found");

export type StartCheckInput = z.input<ReturnType<typeof startCheckSchema>>;
export type VerifyCheckInput = z.input<typeof verifyCheckSchema>;
