import type { CheckComplete } from "@/lib/api/responses";
import { json } from "@/lib/http/respond";
import { verifyCheck } from "@/lib/checks/verify-check";
import { getServices, route } from "@/lib/services";

/** POST /api/v1/checks/{checkId}/verify {code} → 200 complete with the result. */
export const POST = route<{ checkId: string }>(async ({ group, params, body }) => {
  const result = await verifyCheck(getServices(), params.checkId, await body(), group);
  return json({ status: "complete", result } satisfies CheckComplete);
});
