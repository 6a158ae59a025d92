import { startCheckAnswer } from "@/lib/http/check-endpoints";
import { getServices, route } from "@/lib/services";

/** POST /api/v1/checks: lib/http/check-endpoints.ts (the HTTP server answers it first). */
export const POST = route.endpoint((ctx) => startCheckAnswer(getServices(), ctx)).next;
