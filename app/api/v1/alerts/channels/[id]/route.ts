import { withAuth } from "@/lib/api/handler";
import { parseBody, parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { updateChannelSchema } from "@/lib/alerts/api-types";
import { deleteChannel, updateChannel } from "@/lib/alerts/channels";

type Params = { id: string };

// PATCH /api/v1/alerts/channels/{id} - rename, enable/disable, change recipients or URL (audited)
export const PATCH = withAuth<Params>(
  async ({ req, params, user, requestId }) => {
    const { id } = parseParams(params, idParamsSchema);
    return Response.json(await updateChannel(id, await parseBody(req, updateChannelSchema), { userId: user.id, requestId }));
  },
  { permission: "alerts.manage" },
);

// DELETE /api/v1/alerts/channels/{id} - remove a channel (audited); its past deliveries stay in the history
export const DELETE = withAuth<Params>(
  async ({ params, user, requestId }) => Response.json(await deleteChannel(parseParams(params, idParamsSchema).id, { userId: user.id, requestId })),
  { permission: "alerts.manage" },
);
