import type { Health } from "@/lib/api/responses";
import { route } from "@/lib/services";
import { json } from "@/lib/http/respond";

/**
 * GET /api/health → 200 while the process serves requests (liveness). It does not touch
 * the database: a database outage must not get every node restarted. Readiness for
 * traffic is GET /api/ready.
 */
export const GET = route(async () => json({ status: "ok" } satisfies Health));
