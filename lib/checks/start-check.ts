import { isAppError } from "@/lib/errors";
import { startCheckSchema } from "@/lib/checks/schemas";
import type { CheckDeps } from "@/lib/checks/deps";
import { insertCheck } from "@/lib/checks/check-store";
import { CODE_TTL_MS, hashCode, newCheckId, newCode } from "@/lib/checks/codes";
import { sealPhone } from "@/lib/hashing/seal";
import { parsePhoneInput } from "@/lib/phone/phone-input";
import { maskPhone } from "@/lib/phone/mask";
import { findExposures } from "@/lib/exposures/find-exposures";
import type { ExposureResult } from "@/lib/exposures/types";
import { countCheckCompleted, countCheckStarted, countSmsRefused, countSmsSent } from "@/lib/metrics/registry";
import { numberKey } from "@/lib/rate-limit/limits";
import { codeMessage } from "@/lib/sms/code-message";
import { assertDestination } from "@/lib/sms/destination-policy";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { getTranslator } from "@/lib/i18n/translator";

export type StartCheckOutcome =
  | { status: "code_sent"; checkId: string; expiresAt: string; maskedPhone: string }
  | { status: "complete"; result: ExposureResult };

/**
 * Starts a check. In verified mode it does exactly the same work whether or not the
 * number is affected — no lookup happens before the code is proven — and answers with
 * the same shape; in open mode it answers at once. Before anything is texted, the guards
 * of ADR 17 run in their order: client group, destination, challenge, per-number limit,
 * budget. Each depends on the number's type, region or prefix, or on traffic, never on
 * the lists. Its database work is one statement (the check, with the outbox's row when
 * the outbox is the provider); counters are batched (docs/adr/0031-check-hot-path.md).
 * `input` is whatever startCheckSchema accepts: a field added there reaches the parsed
 * input here.
 */
export async function startCheck(
  deps: CheckDeps,
  input: unknown,
  /** The client's group (lib/http/client-group.ts: an IPv4 address or an IPv6 /64). */
  group: string,
  /** The language the customer used: the text carrying the code is in it (ADR 29). */
  locale: Locale = DEFAULT_LOCALE,
): Promise<StartCheckOutcome> {
  await deps.limits.checkPerIp.consume(group);
  const start = parsePhoneInput(startCheckSchema(deps.region), input);
  const { phone, altcha } = start;

  if (deps.mode === "open") {
    // Nothing is texted; the challenge still slows enumeration.
    await deps.challenge.enforce(group, undefined, altcha);
    const result = await findExposures(deps.sql, deps.keyring, phone);
    deps.counts.add(deps.now(), { started: true, completed: true, affected: result.affected });
    countCheckStarted();
    countCheckCompleted(result.affected);
    return { status: "complete", result };
  }

  await refusedAs("destination", () => assertDestination(phone, deps.destinations));
  await deps.challenge.enforce(group, phone, altcha);
  return sendCode(deps, phone, { started: true }, locale);
}

/**
 * Texts a new code for a check: the per-number limit and the budget first, then the
 * check row and the text. The same work for every number: it does not know the result.
 * A start and a new code on the code step (lib/checks/resend-code.ts) both end here.
 */
export async function sendCode(
  deps: CheckDeps,
  phone: string,
  /** A new code on the code step is not a new check in the dashboard's counts. */
  count: { started: boolean },
  /** The language the customer used: the text carrying the code is in it (ADR 29). */
  locale: Locale = DEFAULT_LOCALE,
): Promise<Extract<StartCheckOutcome, { status: "code_sent" }>> {
  // Keyed by the number's digest: the limiter never holds the number itself.
  const limiterDigest = numberKey(deps.keyring, phone);
  await deps.limits.sendPerNumber.consume(limiterDigest);
  await refusedAs("budget", () => deps.budget.reserveOrThrow(phone));

  const now = deps.now();
  const checkId = newCheckId();
  const code = newCode();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  const text = codeMessage(code, deps.publicUrl, await deps.carrier.current(), getTranslator(locale));
  const outbox = deps.sms.outboxRow?.(phone, text) ?? null;
  await insertCheck(
    deps.sql,
    {
      id: checkId,
      sealedPhone: sealPhone(deps.keyring.keyMaterial(), checkId, phone),
      codeHash: hashCode(deps.keyring, checkId, code),
      // Verifying counts wrong codes per number under it (the number stays sealed until then).
      limiterDigest,
      expiresAt,
      createdAt: now,
    },
    outbox,
  );
  if (outbox) countSmsSent(deps.sms.name);
  else await deps.sms.send(phone, text);
  await deps.conversion.recordSent(phone, now);
  // The same arguments for every number: the start does not know the result.
  if (count.started) {
    deps.counts.add(now, { started: true });
    countCheckStarted();
  }
  return { status: "code_sent", checkId, expiresAt: expiresAt.toISOString(), maskedPhone: maskPhone(phone) };
}

/** Runs a guard in front of a text; its refusal (not a store's failure) counts as a text not sent. */
async function refusedAs(reason: "destination" | "budget", guard: () => unknown): Promise<void> {
  try {
    await guard();
  } catch (e) {
    if (isAppError(e)) countSmsRefused(reason);
    throw e;
  }
}
