import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { issueMessages } from "@/lib/validation/issue-messages";

/**
 * Validates untrusted input with its schema, or throws a 400 AppError whose fields map
 * each bad field to an i18n message key. (A refused phone number: parsePhoneInput in
 * lib/phone/phone-input.ts.)
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const fields = issueMessages(parsed.error.issues);
  throw new AppError("invalid_request", { fields });
}

/** parseInput for schemas with async refinements (a password's strength). */
export async function parseInputAsync<S extends z.ZodType>(schema: S, data: unknown): Promise<z.output<S>> {
  const parsed = await schema.safeParseAsync(data);
  if (parsed.success) return parsed.data;
  throw new AppError("invalid_request", { fields: issueMessages(parsed.error.issues) });
}
