import { randomUUID } from "node:crypto";

/**
 * A unique lower-case tag of letters and digits. It starts with a letter, so the number
 * masker of logs and the audit log (lib/phone/mask-text.ts) reads it as an id, never as
 * a phone number, and tests find their entries by it.
 */
export function uniqueTag(length = 10): string {
  return `t${randomUUID()
    .replace(/-/g, "")
    .slice(0, length - 1)}`;
}
