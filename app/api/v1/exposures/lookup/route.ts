import { exposuresAnswer } from "@/lib/http/exposures-endpoint";
import { toResponse } from "@/lib/http/respond";
import { getServices, route } from "@/lib/services";

/**
 * POST /api/v1/exposures/lookup {phone}: the integration API with the number in the body,
 * out of URLs and proxy logs (lib/http/exposures-endpoint.ts). `npm start` answers it
 * ahead of Next.js (lib/http/lean-server.ts); this route serves it wherever the app runs
 * without that server.
 */
export const POST = route(async ({ req, ip, body }) =>
  toResponse(await exposuresAnswer(getServices().api, { authorization: req.headers.get("authorization"), ip, body })),
);
