import type { ChallengeBody } from "@/lib/api/responses";
import { json } from "@/lib/http/respond";
import { getServices, route } from "@/lib/services";

/** GET /api/v1/challenge → a proof-of-work challenge for the ALTCHA widget (ADR 17). */
export const GET = route(async () => json((await getServices().challenge.create()) satisfies ChallengeBody));
