import type { ErrorBody } from "@/lib/api/responses";
import { AppError, isAppError } from "@/lib/errors";
import { getConfig } from "@/lib/config";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { getTranslator } from "@/lib/i18n/translator";
import { numberNotSupportedMessage } from "@/lib/sms/destination-policy";
import { log } from "@/lib/log";

type T = ReturnType<typeof getTranslator>;

/** Translates a message key that arrives as data (zod issue messages). */
export function translateKey(t: T, key: string): string {
  return (t as unknown as (k: string) => string)(key);
}

/** The message for an error, in the user's words: a refused field says why. */
export function errorMessage(error: AppError, t: T = getTranslator()): string {
  const field = Object.values(error.details.fields ?? {})[0];
  if (field) return translateKey(t, field);
  if (error.code === "rate_limited") {
    return t("errors.rate_limited", { minutes: Math.max(1, Math.ceil((error.details.retryAfterSeconds ?? 60) / 60)) });
  }
  if (error.code === "number_not_supported") return numberNotSupportedMessage(getConfig().supportContact, t);
  if (error.code === "code_incorrect") {
    return t("errors.code_incorrect", { attemptsRemaining: error.details.attemptsRemaining ?? 0 });
  }
  return t(`errors.${error.code}`);
}

/** A JSON response before it is one: the lean server path writes it to the socket itself. */
export type Answer = { status: number; body: unknown; headers: Record<string, string> };

// RFC 6750: a 401 names the scheme; a key that was sent but refused is an invalid_token.
const REALM = 'Bearer realm="exposure-check"';

/**
 * A failure as an AppError, for routes and server actions alike: anything unexpected is
 * logged (as "`what` failed") and becomes internal, so its details never reach the user.
 */
export function asAppError(error: unknown, what: string): AppError {
  if (isAppError(error)) return error;
  log.error({ err: error }, `${what} failed`);
  return new AppError("internal");
}

/** {error:{code,message,...}} with the code's status; anything unexpected is a logged 500. */
export function errorAnswer(error: unknown, locale: Locale = DEFAULT_LOCALE): Answer {
  const appError = asAppError(error, "route");
  // The message is in the caller's language (Accept-Language); the code never changes.
  const headers: Record<string, string> = { "cache-control": "no-store", ...languageHeaders(locale) };
  if (appError.details.retryAfterSeconds) headers["retry-after"] = String(appError.details.retryAfterSeconds);
  if (appError.code === "api_key_required") headers["www-authenticate"] = REALM;
  if (appError.code === "invalid_api_key") headers["www-authenticate"] = `${REALM}, error="invalid_token"`;
  return { status: appError.status, body: errorBody(appError, getTranslator(locale)), headers };
}

export function errorResponse(error: unknown, locale: Locale = DEFAULT_LOCALE): Response {
  return toResponse(errorAnswer(error, locale));
}

/** A JSON answer that no cache keeps: every route's success, through json() or as an Answer. */
export function jsonAnswer(body: unknown, status = 200, headers: Record<string, string> = {}): Answer {
  return { status, body, headers: { "cache-control": "no-store", ...headers } };
}

export function okAnswer(body: unknown): Answer {
  return jsonAnswer(body);
}

export function toResponse(answer: Answer): Response {
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

/** The JSON body of an error (its schema: ErrorBodySchema in lib/api/responses.ts). */
export function errorBody(error: AppError, t: T = getTranslator()): ErrorBody {
  const { fields, ...rest } = error.details;
  return {
    error: {
      code: error.code,
      message: errorMessage(error, t),
      ...rest,
      ...(fields
        ? { fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, translateKey(t, v)])) }
        : {}),
    },
  };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return toResponse(jsonAnswer(body, status, headers));
}

/** An answer worded in the caller's language (Accept-Language), which says which it is. */
export function languageHeaders(locale: Locale): Record<string, string> {
  return { "content-language": locale, vary: "Accept-Language" };
}
