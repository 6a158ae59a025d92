import type { z } from "zod";
import { AppError } from "@/lib/errors";

// An i18n key (namespace.key), as schemas give them; anything else is zod's own English.
const KEY = /^[a-z]+\.[a-z_]+$/;

/**
 * Validates untrusted input with its schema, or throws a 400 AppError whose fields map
 * each bad field to an i18n message key. (A refused phone number: parsePhoneInput in
 * lib/phone/phone-input.ts.)
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_");
    fields[field] ??= KEY.test(issue.message) ? issue.message : "errors.invalid_request";
  }
  throw new AppError("invalid_request", { fields });
}
