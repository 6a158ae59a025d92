import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { issueMessages } from "@/lib/validation/issue-messages";

/**
 * Validates untrusted input with its schema, or throws a 400 AppError whose fields map
 * each bad field to an i18n message key. A refused phone number says why.
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const fields = issueMessages(parsed.error.issues);
  const phone = fields.phone;
  if (phone?.startsWith("phone.")) {
    throw new AppError("invalid_phone", { fields, problem: phone.slice("phone.".length) });
  }
  throw new AppError("invalid_request", { fields });
}
