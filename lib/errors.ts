import type { Challenge } from "altcha-lib";

/** Every error a client may see, with its HTTP status. One table, used by API and pages. */
export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_phone: 400,
  code_incorrect: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  /** A wrong or already used authenticator or backup code (sign-in, enrolment, step-up). */
  factor_incorrect: 401,
  /** The pending sign-in (password right, code not yet given) expired or used its tries. */
  sign_in_again: 401,
  /** A passkey assertion or registration the server refused (not this user's, expired, cancelled). */
  passkey_failed: 401,
  api_key_required: 401,
  invalid_api_key: 401,
  forbidden: 403,
  /** Two-person review: the draft's own editor may not publish it; someone else must. */
  review_required: 403,
  /** A console write a browser sent from another site (Origin, Sec-Fetch-Site). */
  cross_site_request: 403,
  /** A user with a generated one-time password, before changing it (only /admin/account serves them). */
  password_change_required: 403,
  /** A user without a second factor, before enrolling one (only /admin/enroll serves them). */
  second_factor_required: 403,
  /** A high-risk console action without a second factor confirmed in the last ADMIN_STEP_UP_SECONDS. */
  step_up_required: 403,
  /** A start needs a solved proof-of-work challenge: missing, invalid, expired or used. */
  challenge_required: 403,
  unsupported_media_type: 415,
  check_not_found: 404,
  not_found: 404,
  code_used: 409,
  user_exists: 409,
  own_account: 409,
  last_owner: 409,
  /** Removing a user's last second factor (docs/adr/0038): they could not sign in again. */
  last_factor: 409,
  /** Setting up TOTP for a user who has it already (docs/adr/0040): replacing it is an owner's reset. */
  totp_exists: 409,
  /** A passkey step-up for a user who has registered none. */
  passkey_none: 409,
  slug_taken: 409,
  name_taken: 409,
  /** Publish with no draft saved (or it was published meanwhile). */
  nothing_to_publish: 409,
  /** A group that lists have rows in cannot be deleted. */
  category_not_empty: 409,
  code_expired: 410,
  code_exhausted: 410,
  payload_too_large: 413,
  /** An upload the disk cannot take now (lib/imports/uploads.ts, checkUploadSpace). */
  insufficient_space: 413,
  /** Valid input this deployment will not serve: the client must send another number. */
  number_not_supported: 422,
  demo_numbers_only: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  /** A send budget is spent or an owner paused texts: no code is sent (with Retry-After). */
  sms_paused: 503,
  /** Shed past capacity (lib/http/shed.ts), with Retry-After. */
  overloaded: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorDetails = {
  /** Field name → message key, for forms. */
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
  attemptsRemaining?: number;
  /** Phone problem (see lib/phone/normalize.ts), to say why a number was refused. */
  problem?: string;
  /** With challenge_required: a fresh challenge to solve before starting again. */
  challenge?: Challenge;
};

const APP_ERROR = Symbol.for("exposure-check.AppError");

export class AppError extends Error {
  readonly status: number;
  readonly [APP_ERROR] = true;
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
  ) {
    super(code);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

/**
 * Also true for an AppError from another copy of this module: Next.js bundles lib/ once
 * per route and page, while the process's services (lib/services.ts) are built once by
 * whichever bundle comes first, so an error they throw may not be `instanceof` ours.
 */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (e instanceof Error && (e as { [APP_ERROR]?: true })[APP_ERROR] === true);
}
