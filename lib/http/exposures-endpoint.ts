import { authenticateApiKey, type ApiKeyPrincipal } from "@/lib/api-keys/authenticate";
import type { ApiDeps } from "@/lib/api-keys/deps";
import { apiExposureLookup } from "@/lib/exposures/integration-lookup";
import { errorAnswer, okAnswer, type Answer } from "@/lib/http/respond";

/** What the endpoint reads of a request, however it arrived. */
export type ExposureRequest = { authorization: string | null; ip: string; segment: string };

/**
 * GET /api/v1/exposures/{phone} with `Authorization: Bearer KEY` → the check's result
 * (integration API), as an Answer. One implementation, mounted twice: by the app's route
 * (app/api/v1/exposures/[phone]/route.ts) and, ahead of the framework, by the HTTP server
 * (scripts/server.ts, through lib/http/lean-server.ts), each with its own deps
 * (docs/adr/0012-lean-lookup-path.md). The lookup itself is lib/exposures/integration-lookup.ts.
 */
export async function exposuresAnswer(deps: ApiDeps, req: ExposureRequest): Promise<Answer> {
  try {
    const key = await authorizeApiKey(deps, req.authorization);
    return okAnswer(await apiExposureLookup(deps, key, decodeSegment(req.segment), req.ip));
  } catch (error) {
    return errorAnswer(error);
  }
}

/**
 * The key of an integration call, within its limit: 401 (api_key_required /
 * invalid_api_key, with WWW-Authenticate) without a valid, unrevoked key, then 429 when
 * the key's per-key limit is used up.
 */
export async function authorizeApiKey(deps: ApiDeps, authorization: string | null): Promise<ApiKeyPrincipal> {
  const key = await authenticateApiKey(deps, authorization);
  await deps.limits.apiPerKey.consume(key.id);
  return key;
}

// Whether the segment arrives decoded or not, "+1%20206…" and "+1 206…" mean the same;
// a phone number holds no "%", so decoding twice cannot change a valid one.
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
