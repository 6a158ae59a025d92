import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { buildOpenApiDocument } from "@/lib/http/openapi/document";
import { getServices } from "@/lib/services";

/** GET /api/v1/openapi.json → the OpenAPI 3.1 document, generated from the zod schemas. */
export const GET = route(async () => json(buildOpenApiDocument(getServices().region)));
