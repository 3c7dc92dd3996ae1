import { AppError } from "@/lib/api/errors";
import { withAuth } from "@/lib/api/handler";
import { parseParams } from "@/lib/api/parse";
import { docsAssetParamsSchema, readDocsAsset } from "@/lib/openapi/docs-page";

export const dynamic = "force-dynamic";

// GET /api/docs/assets/{file} - Swagger UI's script, styles and icons (from node_modules/swagger-ui-dist) and MagFlow's start-up script (any signed-in user)
export const GET = withAuth<{ file: string }>(async ({ params }) => {
  const asset = await readDocsAsset(parseParams(params, docsAssetParamsSchema).file);
  if (!asset) throw new AppError("not_found", "No such asset");
  return new Response(new Uint8Array(asset.bytes), { headers: { "Content-Type": asset.contentType, "Cache-Control": "private, max-age=3600" } });
});
