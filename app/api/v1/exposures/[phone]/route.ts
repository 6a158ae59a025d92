import { exposuresAnswer } from "@/lib/http/exposures-endpoint";
import { toResponse } from "@/lib/http/respond";
import { getServices, route } from "@/lib/services";

/**
 * GET /api/v1/exposures/{phone}: the integration API (lib/http/exposures-endpoint.ts),
 * deprecated for POST /api/v1/exposures/lookup, which keeps the number out of the URL.
 * `npm start` answers it ahead of Next.js (lib/http/lean-server.ts); this route serves it
 * wherever the app runs without that server.
 */
export const GET = route<{ phone: string }>(async ({ req, params, ip }) =>
  toResponse(
    await exposuresAnswer(getServices().api, {
      authorization: req.headers.get("authorization"),
      ip,
      segment: params.phone,
    }),
  ),
);
