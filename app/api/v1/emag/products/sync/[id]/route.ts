import { withAuth } from "@/lib/api/handler";
import { parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { cancelProductSync } from "@/lib/sync/service";

type Params = { id: string };

// DELETE /api/v1/emag/products/sync/{id} - cancel a running sync (409 when it is not running)
export const DELETE = withAuth<Params>(
  async ({ params, user, requestId }) => Response.json(await cancelProductSync(parseParams(params, idParamsSchema).id, { userId: user.id, requestId })),
  { permission: "products.sync" },
);
