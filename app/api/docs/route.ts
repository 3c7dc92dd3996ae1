import { withAuth } from "@/lib/api/handler";
import { docsPage } from "@/lib/openapi/docs-page";

export const dynamic = "force-dynamic";

// GET /api/docs - the interactive API reference (Swagger UI from swagger-ui-dist, no CDN) (any signed-in user)
export const GET = withAuth(async () => new Response(docsPage(), { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-cache" } }));
