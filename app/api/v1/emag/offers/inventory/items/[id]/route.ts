import { withAuth } from "@/lib/api/handler";
import { parseBody, parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { itemPatchSchema } from "@/lib/inventory/api-types";
import { updateItem } from "@/lib/inventory/items";

type Params = { id: string };

// PATCH /api/v1/emag/offers/inventory/items/{id} - set available, buffer (null = the default) or low_stock_threshold (null = the account's); audited
export const PATCH = withAuth<Params>(
  async ({ req, params, user, requestId }) => {
    const { id } = parseParams(params, idParamsSchema);
    const patch = await parseBody(req, itemPatchSchema);
    return Response.json(await updateItem(id, patch, { userId: user.id, requestId }));
  },
  { permission: "offers.write" },
);
