import { withAuth } from "@/lib/api/handler";
import { parseFormData } from "@/lib/api/parse";
import { actorOf, idempotencyKeyOf } from "@/lib/offers/http";
import { applyImport, planImport, readUpload } from "@/lib/offers/import";

// POST /api/v1/emag/offers/import - apply a price list as one durable job (202 + job); 422 lists every row error unless exclude_invalid=true
export const POST = withAuth(
  async ({ req, user, requestId }) => {
    const idempotencyKey = idempotencyKeyOf(req);
    const upload = await readUpload(await parseFormData(req));
    const out = await applyImport(await planImport(upload), upload.excludeInvalid, actorOf(user, requestId), idempotencyKey);
    return Response.json(out, { status: 202 });
  },
  { permission: "offers.write", rateLimit: "emag" },
);
