import type { CheckCodeSent, CheckComplete } from "@/lib/api/responses";
import { json, languageHeaders } from "@/lib/http/respond";
import { startCheck } from "@/lib/checks/start-check";
import { getServices, route } from "@/lib/services";

/**
 * POST /api/v1/checks {phone} → 202 code_sent (verified mode) or 200 complete (open mode,
 * the result's texts in the caller's language as the verify route gives them).
 */
export const POST = route(async ({ group, body, locale }) => {
  const services = getServices();
  const outcome = await startCheck(services, await body(), group, locale);
  if (outcome.status === "complete") {
    const result = await services.localize(outcome.result, locale);
    return json({ status: outcome.status, result } satisfies CheckComplete, 200, languageHeaders(locale));
  }
  return json(
    { checkId: outcome.checkId, status: outcome.status, expiresAt: outcome.expiresAt } satisfies CheckCodeSent,
    202,
  );
});
