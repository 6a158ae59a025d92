"use server";

import { agentLookup } from "@/lib/exposures/agent-lookup";
import { requestMeta, requirePermission } from "@/lib/auth/next";
import type { ExposureResult } from "@/lib/exposures/types";
import { AppError, isAppError } from "@/lib/errors";
import { errorMessage } from "@/lib/http/respond";
import { log } from "@/lib/log";
import { getServices } from "@/lib/services";

export type LookupState = { phone?: string; error?: string; result?: ExposureResult };

/** Agents (and owners): look a caller's number up at once; audited in agentLookup(). */
export async function agentLookupAction(_prev: LookupState | undefined, form: FormData): Promise<LookupState> {
  const agent = await requirePermission("lookup:agent");
  const phone = typeof form.get("phone") === "string" ? (form.get("phone") as string) : "";
  try {
    const { ip } = await requestMeta();
    return { result: await agentLookup(getServices(), agent, { phone }, ip) };
  } catch (e) {
    if (!isAppError(e)) log.error({ err: e }, "agent lookup failed");
    return { phone: phone.slice(0, 64), error: errorMessage(isAppError(e) ? e : new AppError("internal")) };
  }
}
