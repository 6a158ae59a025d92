import { z } from "zod";
import { oncePerRegion, phoneInput } from "@/lib/phone/phone-input";

/**
 * The inputs of a check, one schema each, shared by the form's server actions and the
 * API. Issue messages are i18n keys; the edges translate them.
 */
export const startCheckSchema = oncePerRegion((region) =>
  z.object({
    phone: phoneInput(region),
    // Judged by the challenge gate (lib/challenge/), which answers challenge_required for anything wrong.
    altcha: z.string({ error: "errors.invalid_request" }).optional().meta({
      description:
        "A solved proof-of-work challenge (GET /api/v1/challenge): the base64 payload the ALTCHA widget submits. Needed when a start answers 403 challenge_required.",
    }),
  }),
);

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
