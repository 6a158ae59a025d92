"use server";

import { headers } from "next/headers";
import { requestLocale } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";
import { startCheck } from "@/lib/checks/start-check";
import { resendCode } from "@/lib/checks/resend-code";
import { verifyCheck } from "@/lib/checks/verify-check";
import { ENDS_CHECK, ENDS_CODE, type FlowState } from "@/lib/checks/flow-state";
import type { AppError } from "@/lib/errors";
import { clientGroup } from "@/lib/http/client-group";
import { clientIp } from "@/lib/http/client-ip";
import { asAppError, errorMessage } from "@/lib/http/respond";
import { formString } from "@/lib/validation/form-data";

type CodeStep = Extract<FlowState, { step: "code" }>;
type Sent = { checkId: string; maskedPhone: string; expiresAt: string };

const codeStep = (sent: Sent, extra: Partial<CodeStep> = {}): CodeStep => ({
  step: "code",
  checkId: sent.checkId,
  maskedPhone: sent.maskedPhone,
  expiresInMs: Math.max(0, new Date(sent.expiresAt).getTime() - Date.now()),
  ...extra,
});

/** The page's words for an error: a limit says when to come back and who can help sooner. */
function pageMessage(error: AppError, t: ReturnType<typeof getTranslator>): string {
  if (error.code !== "rate_limited") return errorMessage(error, t);
  const minutes = Math.max(1, Math.ceil((error.details.retryAfterSeconds ?? 60) / 60));
  return t("check.rateLimited", { minutes, support: getServices().config.supportContact });
}

/** The check page's one action: start, verify, send a new code or restart, from the form alone. */
export async function checkFlowAction(_prev: FlowState, form: FormData): Promise<FlowState> {
  const intent = formString(form, "intent");
  if (intent === "restart") return { step: "phone" };
  const services = getServices();
  const { trustProxyHops, rateLimits } = services.config;
  // Per-client limits count the client's group (an IPv6 client's /64), as the API does.
  const ip = clientGroup(clientIp(await headers(), trustProxyHops), rateLimits.ipv6PrefixLength);
  // The page's language: its answers, and the text that carries the code, are in it.
  const locale = await requestLocale();
  const t = getTranslator(locale);
  const checkId = formString(form, "checkId");
  const maskedPhone = formString(form, "maskedPhone").slice(0, 16);
  // What the code step shows again when its action fails: the same check, still waiting.
  const sameStep = (error: AppError, dead: boolean): FlowState => {
    if (ENDS_CHECK.has(error.code)) return { step: "phone", error: pageMessage(error, t) };
    const expiresInMs = Math.min(Number(formString(form, "expiresInMs")) || 0, 3_600_000);
    return { step: "code", checkId, maskedPhone, expiresInMs, dead, error: pageMessage(error, t) };
  };

  if (intent === "resend") {
    try {
      return codeStep(await resendCode(services, checkId, ip, locale), { resent: true });
    } catch (e) {
      return sameStep(asAppError(e, "check flow"), formString(form, "dead") === "1");
    }
  }

  if (intent === "verify") {
    try {
      const result = await verifyCheck(services, checkId, { code: formString(form, "code") }, ip);
      // The result's texts in the page's language (ADR 28, 36).
      return { step: "result", result: await services.localize(result, locale) };
    } catch (e) {
      const error = asAppError(e, "check flow");
      const lastTry = error.code === "code_incorrect" && error.details.attemptsRemaining === 0;
      if (ENDS_CODE.has(error.code) || lastTry) {
        const why = error.code === "code_expired" ? t("code.expired") : t("code.exhausted");
        return { ...(sameStep(error, true) as CodeStep), error: why };
      }
      return sameStep(error, false);
    }
  }

  const phone = formString(form, "phone");
  try {
    // The ALTCHA widget's solved challenge, when the page had one to solve (ADR 17).
    const altcha = formString(form, "altcha") || undefined;
    const outcome = await startCheck(services, { phone, altcha }, ip, locale);
    if (outcome.status === "complete")
      return { step: "result", result: await services.localize(outcome.result, locale) };
    return codeStep(outcome);
  } catch (e) {
    return { step: "phone", phone: phone.slice(0, 64), error: pageMessage(asAppError(e, "check flow"), t) };
  }
}
