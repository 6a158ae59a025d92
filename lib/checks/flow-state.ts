import type { ExposureResult } from "@/lib/exposures/types";

/**
 * The check page's state between steps. Everything the next step needs travels in
 * the form itself, so the page works without client JavaScript.
 */
export type FlowState =
  | { step: "phone"; phone?: string; error?: string }
  | { step: "code"; checkId: string; maskedPhone: string; error?: string }
  | { step: "result"; result: ExposureResult };

export const INITIAL_FLOW: FlowState = { step: "phone" };

/** Errors after which the code cannot be used any more: the customer starts again. */
export const ENDS_CHECK = new Set(["code_expired", "code_used", "code_exhausted", "check_not_found"]);
