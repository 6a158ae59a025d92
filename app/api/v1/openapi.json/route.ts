import { json } from "@/lib/http/respond";
import { buildOpenApiDocument } from "@/lib/http/openapi/document";
import { getServices, route } from "@/lib/services";

/** GET /api/v1/openapi.json → the OpenAPI 3.1 document, generated from the zod schemas. */
export const GET = route(async () => json(buildOpenApiDocument(getServices().region)));
