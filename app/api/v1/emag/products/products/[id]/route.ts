import { withAuth } from "@/lib/api/handler";
import { parseBody, parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { updateProductSchema } from "@/lib/products/schemas";
import { getProduct, updateProduct } from "@/lib/products/service";

type Params = { id: string };

// GET /api/v1/emag/products/products/{id} - one offer with eMAG's raw item
export const GET = withAuth<Params>(async ({ params }) => Response.json(await getProduct(parseParams(params, idParamsSchema).id)), {
  permission: "products.read",
});

// PATCH /api/v1/emag/products/products/{id} - local edit of tracked fields (kept per conflict_strategy), or discard_local_edits
export const PATCH = withAuth<Params>(
  async ({ req, params, user, requestId }) => {
    const { id } = parseParams(params, idParamsSchema);
    const input = await parseBody(req, updateProductSchema);
    return Response.json(await updateProduct(id, input, { id: user.id, requestId }));
  },
  { permission: "products.sync" },
);
