import { getDb } from "@/lib/db/client";
import { route } from "@/lib/services";
import { json } from "@/lib/http/respond";
import { checkReadiness } from "@/lib/ops/readiness";

/**
 * GET /api/ready → 200 when this node should get traffic (database answers, migrations
 * applied, not shutting down); 503 {status: "not_ready", reason} otherwise.
 */
export const GET = route(async () => {
  const readiness = await checkReadiness(getDb());
  return readiness.ready
    ? json({ status: "ready" })
    : json(
        { status: "not_ready", reason: readiness.reason, ...(readiness.pending ? { pending: readiness.pending } : {}) },
        503,
      );
});
