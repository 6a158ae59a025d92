"use server";

import { agentLookup } from "@/lib/exposures/agent-lookup";
import { requestMeta, requirePermission } from "@/lib/auth/next";
import type { ExposureResult } from "@/lib/exposures/types";
import { asAppError, errorMessage } from "@/lib/http/respond";
import { getServices } from "@/lib/services";
import { formString } from "@/lib/validation/form-data";

export type LookupState = { phone?: string; error?: string; result?: ExposureResult };

/** Agents (and owners): look a caller's number up at once; audited in agentLookup(). */
export async function agentLookupAction(_prev: LookupState | undefined, form: FormData): Promise<LookupState> {
  const agent = await requirePermission("lookup:agent");
  const phone = formString(form, "phone");
  try {
    const { ip } = await requestMeta();
    return { result: await agentLookup(getServices(), agent, { phone }, ip) };
  } catch (e) {
    return { phone: phone.slice(0, 64), error: errorMessage(asAppError(e, "agent lookup")) };
  }
}
