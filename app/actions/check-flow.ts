"use server";

import { headers } from "next/headers";
import { requestLocale } from "@/lib/auth/next";
import { getTranslator } from "@/lib/i18n/translator";
import { getServices } from "@/lib/services";
import { startCheck } from "@/lib/checks/start-check";
import { verifyCheck } from "@/lib/checks/verify-check";
import { ENDS_CHECK, type FlowState } from "@/lib/checks/flow-state";
import { clientGroup } from "@/lib/http/client-group";
import { clientIp } from "@/lib/http/client-ip";
import { asAppError, errorMessage } from "@/lib/http/respond";
import { formString } from "@/lib/validation/form-data";

/** The check page's one action: start, verify or restart, from the form alone. */
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

  if (intent === "verify") {
    const checkId = formString(form, "checkId");
    const maskedPhone = formString(form, "maskedPhone").slice(0, 16);
    try {
      const result = await verifyCheck(services, checkId, { code: formString(form, "code") }, ip);
      return { step: "result", result };
    } catch (e) {
      const error = asAppError(e, "check flow");
      if (ENDS_CHECK.has(error.code) || (error.code === "code_incorrect" && error.details.attemptsRemaining === 0)) {
        return { step: "phone", error: errorMessage(error, t) };
      }
      return { step: "code", checkId, maskedPhone, error: errorMessage(error, t) };
    }
  }

  const phone = formString(form, "phone");
  try {
    // The ALTCHA widget's solved challenge, when the page had one to solve (ADR 17).
    const altcha = formString(form, "altcha") || undefined;
    const outcome = await startCheck(services, { phone, altcha }, ip, locale);
    if (outcome.status === "complete") return { step: "result", result: outcome.result };
    return { step: "code", checkId: outcome.checkId, maskedPhone: outcome.maskedPhone };
  } catch (e) {
    return { step: "phone", phone: phone.slice(0, 64), error: errorMessage(asAppError(e, "check flow"), t) };
  }
}
