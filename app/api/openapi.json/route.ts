import { withAuth } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

// GET /api/openapi.json - this API as an OpenAPI 3.1 document, built from the routes' zod schemas (any signed-in user)
export const GET = withAuth(async () => Response.json(openApiDocument(), { headers: { "Cache-Control": "private, no-cache" } }));
