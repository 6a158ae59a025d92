import { z } from "zod";
import { confirmed } from "@/lib/validation/confirm";
import { holdsNumber } from "@/lib/phone/mask-text";

/**
 * API key inputs, one schema each, shared by the console's form (client-side), its
 * server actions, the CLI and the domain (lib/api-keys/manage.ts), which parses again.
 * Client-safe: zod and the text masker only. Issue messages are i18n keys.
 */

export const MAX_API_KEY_NAME = 80;

export const ApiKeyName = z
  .string({ error: () => "errors.api_key_name_required" })
  .trim()
  .min(1, "errors.api_key_name_required")
  .max(MAX_API_KEY_NAME, "errors.api_key_name_too_long")
  .regex(/^[\p{L}\p{N} ._()/-]+$/u, "errors.api_key_name_invalid")
  // The audit log masks what looks like a phone number: such a name would be unreadable
  // there, so it is refused here.
  .refine((name) => !holdsNumber(name), "errors.api_key_name_digits");

export const CreateApiKeyInput = z.object({ name: ApiKeyName });

const KeyId = z
  .string({ error: () => "errors.api_key_not_found" })
  .trim()
  .min(1, "errors.api_key_not_found")
  .max(64, "errors.api_key_not_found");

/** Revoking cannot be undone, so it asks for an explicit confirmation. */
export const RevokeApiKeyInput = z.object({ keyId: KeyId, confirm: confirmed("errors.api_key_revoke_confirm") });

export type CreateApiKeyRaw = z.input<typeof CreateApiKeyInput>;
