import type { CheckCodeSent, CheckComplete } from "@/lib/api/responses";
import type { CheckDeps } from "@/lib/checks/deps";
import { startCheck } from "@/lib/checks/start-check";
import { verifyCheck } from "@/lib/checks/verify-check";
import type { exposureLocalizer } from "@/lib/exposures/localize";
import { jsonAnswer, languageHeaders, type Answer } from "@/lib/http/respond";
import type { EndpointContext } from "@/lib/http/route";

/** What the check API needs: the check flow's deps and the results' texts per locale. */
export type CheckApiDeps = CheckDeps & { localize: ReturnType<typeof exposureLocalizer> };

/**
 * POST /api/v1/checks {phone} → 202 code_sent (verified mode) or 200 complete (open mode,
 * the result's texts in the caller's language as the verify route gives them). One
 * implementation, mounted twice through route.endpoint(): by the app's route
 * (app/api/v1/checks/route.ts) and ahead of Next.js by the HTTP server (scripts/server.ts,
 * lib/http/lean-server.ts), each with its own services (docs/adr/0042-lean-check-path.md).
 */
export async function startCheckAnswer(
  deps: CheckApiDeps,
  { group, body, locale }: EndpointContext<Record<string, never>>,
): Promise<Answer> {
  const outcome = await startCheck(deps, await body(), group, locale);
  if (outcome.status === "complete") {
    const result = await deps.localize(outcome.result, locale);
    return jsonAnswer({ status: outcome.status, result } satisfies CheckComplete, 200, languageHeaders(locale));
  }
  return jsonAnswer(
    { checkId: outcome.checkId, status: outcome.status, expiresAt: outcome.expiresAt } satisfies CheckCodeSent,
    202,
  );
}

/**
 * POST /api/v1/checks/{checkId}/verify {code} → 200 complete with the result, its texts
 * (offer instructions included) in the caller's language, English per missing field.
 * Mounted as startCheckAnswer is.
 */
export async function verifyCheckAnswer(
  deps: CheckApiDeps,
  { group, params, body, locale }: EndpointContext<{ checkId: string }>,
): Promise<Answer> {
  const result = await deps.localize(await verifyCheck(deps, params.checkId, await body(), group), locale);
  return jsonAnswer({ status: "complete", result } satisfies CheckComplete, 200, languageHeaders(locale));
}
