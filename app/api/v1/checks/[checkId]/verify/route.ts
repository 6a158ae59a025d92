import { verifyCheckAnswer } from "@/lib/http/check-endpoints";
import { getServices, route } from "@/lib/services";

/** POST /api/v1/checks/{checkId}/verify: lib/http/check-endpoints.ts (the HTTP server answers it first). */
export const POST = route.endpoint<{ checkId: string }>((ctx) => verifyCheckAnswer(getServices(), ctx)).next;
