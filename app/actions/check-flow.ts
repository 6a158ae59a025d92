"use server";

import { headers } from "next/headers";
import { getServices } from "@/lib/services";
import { startCheck } from "@/lib/checks/start-check";
import { verifyCheck } from "@/lib/checks/verify-check";
import { ENDS_CHECK, type FlowState } from "@/lib/checks/flow-state";
import { AppError, isAppError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { errorMessage } from "@/lib/http/respond";
import { log } from "@/lib/log";

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** The check page's one action: start, verify or restart, from the form alone. */
export async function checkFlowAction(_prev: FlowState, form: FormData): Promise<FlowState> {
  const intent = field(form, "intent");
  if (intent === "restart") return { step: "phone" };
  const services = getServices();
  const ip = clientIp(await headers(), services.config.trustProxyHops);

  if (intent === "verify") {
    const checkId = field(form, "checkId");
    const maskedPhone = field(form, "maskedPhone").slice(0, 16);
    try {
      const result = await verifyCheck(services, checkId, { code: field(form, "code") }, ip);
      return { step: "result", result };
    } catch (e) {
      const error = toAppError(e);
      if (ENDS_CHECK.has(error.code) || (error.code === "code_incorrect" && error.details.attemptsRemaining === 0)) {
        return { step: "phone", error: errorMessage(error) };
      }
      return { step: "code", checkId, maskedPhone, error: errorMessage(error) };
    }
  }

  const phone = field(form, "phone");
  try {
    const outcome = await startCheck(services, { phone }, ip);
    if (outcome.status === "complete") return { step: "result", result: outcome.result };
    return { step: "code", checkId: outcome.checkId, maskedPhone: outcome.maskedPhone };
  } catch (e) {
    return { step: "phone", phone: phone.slice(0, 64), error: errorMessage(toAppError(e)) };
  }
}

function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  log.error({ err: e }, "check flow failed");
  return new AppError("internal");
}
