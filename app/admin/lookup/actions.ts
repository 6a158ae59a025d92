"use server";

import { agentLookup } from "@/lib/exposures/agent-lookup";
import { requestMeta, requirePermission } from "@/lib/auth/next";
import type { ExposureResult } from "@/lib/exposures/types";
import { asAppError, errorMessage } from "@/lib/http/respond";
import { getRemediation } from "@/lib/incidents/get-remediation";
import { maskPhone } from "@/lib/phone/mask";
import { getServices } from "@/lib/services";
import { formString } from "@/lib/validation/form-data";

/**
 * What was typed (kept in the field for correction), the masked number looked up, and
 * the answer with each group's steps for the agent to read out.
 */
export type LookupState = {
  phone?: string;
  masked?: string;
  error?: string;
  result?: ExposureResult;
  /** Remediation steps (markdown) per "incident/category" of the result. */
  steps?: Record<string, string[]>;
};

/** Agents (and owners): look a caller's number up at once; audited in agentLookup(). */
export async function agentLookupAction(_prev: LookupState | undefined, form: FormData): Promise<LookupState> {
  const agent = await requirePermission("lookup:agent");
  const phone = formString(form, "phone").slice(0, 64);
  try {
    const { ip } = await requestMeta();
    const services = getServices();
    const result = await agentLookup(services, agent, { phone }, ip);
    const steps: Record<string, string[]> = {};
    for (const x of result.exposures) {
      const page = await getRemediation(services.db, x.incident.slug, x.category.slug);
      steps[`${x.incident.slug}/${x.category.slug}`] = page?.category.remediation ?? [];
    }
    return { phone, masked: maskPhone(result.phone), result, steps };
  } catch (e) {
    return { phone, error: errorMessage(asAppError(e, "agent lookup")) };
  }
}
