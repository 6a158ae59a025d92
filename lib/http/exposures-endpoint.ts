import { authenticateApiKey, type ApiKeyPrincipal } from "@/lib/api-keys/authenticate";
import type { ApiDeps } from "@/lib/api-keys/deps";
import { apiExposureLookup } from "@/lib/exposures/integration-lookup";
import { clientGroup } from "@/lib/http/client-group";
import { errorAnswer, okAnswer, type Answer } from "@/lib/http/respond";

/**
 * What the endpoint reads of a request, however it arrived: the number in the path
 * (`segment`, GET, deprecated) or in a JSON body (`body`, POST /api/v1/exposures/lookup,
 * which keeps it out of URLs and so out of proxy, CDN and WAF logs).
 */
export type ExposureRequest = { authorization: string | null; ip: string } & (
  { segment: string } | { body: () => Promise<unknown> }
);

/**
 * The integration lookup with `Authorization: Bearer KEY` → the check's result, as an
 * Answer: GET /api/v1/exposures/{phone} and POST /api/v1/exposures/lookup {phone}, the
 * same key check, limits, result and audit. One implementation, mounted twice: by the
 * app's routes (app/api/v1/exposures/) and, ahead of the framework, by the HTTP server
 * (scripts/server.ts, through lib/http/lean-server.ts), each with its own deps
 * (docs/adr/0012-lean-lookup-path.md). The lookup itself is lib/exposures/integration-lookup.ts.
 */
export async function exposuresAnswer(deps: ApiDeps, req: ExposureRequest): Promise<Answer> {
  try {
    const key = await authorizeApiKey(deps, req.authorization, req.ip);
    const input = "segment" in req ? () => ({ phone: decodeSegment(req.segment) }) : req.body;
    return okAnswer(await apiExposureLookup(deps, key, input, req.ip));
  } catch (error) {
    return errorAnswer(error);
  }
}

/**
 * The key of an integration call, within its limits: 401 (api_key_required /
 * invalid_api_key, with WWW-Authenticate) without a valid, unrevoked key; 429 once the
 * caller's client group has had too many keys refused, checked before any key this
 * process does not trust yet is looked up, so a flood of made-up keys never reaches the
 * database (a cached valid key skips it: a login page's calls cost no extra store read);
 * then 429 when the key's own limit is used up.
 */
export async function authorizeApiKey(
  deps: ApiDeps,
  authorization: string | null,
  ip: string,
): Promise<ApiKeyPrincipal> {
  const group = clientGroup(ip, deps.ipv6PrefixLength);
  const cap = deps.caps.apiKeyFailPerIp;
  const key = await authenticateApiKey(deps, authorization, {
    check: () => cap.check(group),
    fail: () => cap.fail(group),
  });
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
