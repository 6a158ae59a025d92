import type { AuditSink } from "@/lib/audit/batch";
import type { FindExposures } from "@/lib/exposures/find-exposures";
import { lookupSchema } from "@/lib/exposures/schemas";
import type { ExposureResult } from "@/lib/exposures/types";
import { isAppError } from "@/lib/errors";
import { parsePhoneInput } from "@/lib/phone/phone-input";

/** `find` is batchedFindExposures in the app: concurrent calls share a query. */
export type ApiLookupDeps = { find: FindExposures; region: string; audit: AuditSink };

/** The API key a call was authorized with (an ApiKeyPrincipal, lib/api-keys/authenticate.ts). */
export type CallerKey = { id: string; name: string; prefix: string };

/**
 * The integration API's lookup for a carrier's signed-in customer: no one-time code (the
 * carrier has authenticated the customer; docs/adr/0010-integration-api.md), the same
 * number input, lookup and result as the check. Every answered or refused call is
 * audited with the key and the caller's address only: no number, no digits of it, and
 * not whether it was affected (a key and a time would tie that to a carrier's sign-in).
 * `input` gives the `{ phone }` input (from the path or a JSON body); its refusals, a
 * body's included, are audited like the number's.
 */
export async function apiExposureLookup(
  deps: ApiLookupDeps,
  key: CallerKey,
  input: () => unknown,
  ip?: string,
): Promise<ExposureResult> {
  let e164: string;
  try {
    e164 = parsePhoneInput(lookupSchema(deps.region), await input()).phone;
  } catch (e) {
    if (isAppError(e)) audit(deps.audit, key, e.code, ip);
    throw e;
  }
  const result = await deps.find(e164);
  audit(deps.audit, key, "answered", ip);
  return result;
}

function audit(sink: AuditSink, key: CallerKey, outcome: string, ip?: string): void {
  sink.add({
    actorId: null,
    actorEmail: apiKeyActor(key),
    action: "api_lookup",
    target: null,
    details: { keyId: key.id, key: `${key.prefix}…`, outcome },
    ip,
  });
}

/** How a key appears as the actor of audit entries (filterable as "api-key:"). */
export function apiKeyActor(key: Pick<CallerKey, "name">): string {
  return `api-key:${key.name}`;
}
