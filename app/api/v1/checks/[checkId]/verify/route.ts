import type { CheckComplete } from "@/lib/api/responses";
import { json, languageHeaders } from "@/lib/http/respond";
import { verifyCheck } from "@/lib/checks/verify-check";
import { getServices, route } from "@/lib/services";

/**
 * POST /api/v1/checks/{checkId}/verify {code} → 200 complete with the result, its texts
 * (offer instructions included) in the caller's language, English per missing field.
 */
export const POST = route<{ checkId: string }>(async ({ group, params, body, locale }) => {
  const services = getServices();
  const result = await services.localize(await verifyCheck(services, params.checkId, await body(), group), locale);
  return json({ status: "complete", result } satisfies CheckComplete, 200, languageHeaders(locale));
});
