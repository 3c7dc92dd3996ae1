import { withAuth } from "@/lib/api/handler";
import { parseFormData, parseQuery } from "@/lib/api/parse";
import { planImport, previewImport, readUpload } from "@/lib/offers/import";
import { previewQuerySchema } from "@/lib/offers/service";

// POST /api/v1/emag/offers/import/preview - a price list (multipart `file`, .csv or .xlsx) planned row by row: old -> new, every error by row and field; sends nothing
export const POST = withAuth(
  async ({ req }) => {
    const q = parseQuery(req, previewQuerySchema);
    const upload = await readUpload(await parseFormData(req));
    return Response.json(previewImport(await planImport(upload), q));
  },
  { permission: "offers.read" },
);
