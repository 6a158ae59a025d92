import type { ExposureResult } from "@/lib/exposures/types";

/**
 * The check page's state between steps. Everything the next step needs travels in
 * the form itself, so the page works without client JavaScript. The number itself
 * never does: after the first step the page holds only the check's id and the mask.
 */
export type FlowState =
  | { step: "phone"; phone?: string; error?: string }
  | {
      step: "code";
      checkId: string;
      maskedPhone: string;
      /** How long the code stays valid from when this step is shown (the clock is the server's). */
      expiresInMs: number;
      error?: string;
      /** The code can no longer be used (expired, or out of tries): only a new code helps. */
      dead?: boolean;
      /** A new code was just sent. */
      resent?: boolean;
    }
  | { step: "result"; result: ExposureResult };

export const INITIAL_FLOW: FlowState = { step: "phone" };

/** Errors after which the check cannot go on at all: the customer starts again. */
export const ENDS_CHECK = new Set(["code_used", "check_not_found"]);

/** Errors after which this code cannot be used, though a new code for the number can be sent. */
export const ENDS_CODE = new Set(["code_expired", "code_exhausted"]);
