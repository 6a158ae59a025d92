import type { CheckCodeSent, CheckComplete } from "@/lib/api/responses";
import { json } from "@/lib/http/respond";
import { startCheck } from "@/lib/checks/start-check";
import { getServices, route } from "@/lib/services";

/** POST /api/v1/checks {phone} → 202 code_sent (verified mode) or 200 complete (open mode). */
export const POST = route(async ({ group, body, locale }) => {
  const outcome = await startCheck(getServices(), await body(), group, locale);
  if (outcome.status === "complete")
    return json({ status: outcome.status, result: outcome.result } satisfies CheckComplete);
  return json(
    { checkId: outcome.checkId, status: outcome.status, expiresAt: outcome.expiresAt } satisfies CheckCodeSent,
    202,
  );
});
