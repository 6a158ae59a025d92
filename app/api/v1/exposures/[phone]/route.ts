import { apiExposureLookup } from "@/lib/api-keys/lookup";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { getServices } from "@/lib/services";

/** GET /api/v1/exposures/{phone} with `Authorization: Bearer KEY` → the check's result (integration API). */
export const GET = route<{ phone: string }>(
  async ({ params, apiKey, ip }) => json(await apiExposureLookup(getServices(), apiKey, decodeSegment(params.phone), ip)),
  { apiKey: true },
);

// Whether the segment arrives decoded or not, "+1%20206…" and "+1 206…" mean the same;
// a phone number holds no "%", so decoding twice cannot change a valid one.
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
