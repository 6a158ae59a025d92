import { z } from "zod";

/**
 * The confirmation a destructive action's form posts (components/forms/ConfirmButton.tsx
 * sends it from its second step): the action's schema requires it, so a request that
 * skipped the step (a stray script, a replayed form) changes nothing. docs/adr/0025.
 */
export const CONFIRM_FIELD = "confirm";
export const CONFIRM_VALUE = "yes";

/** The schema field for it; `errorKey` says, in the action's words, what was not confirmed. */
export function confirmed(errorKey: `errors.${string}`) {
  return z.literal(CONFIRM_VALUE, { error: () => errorKey });
}
