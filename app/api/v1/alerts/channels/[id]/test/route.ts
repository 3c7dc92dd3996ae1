import { withAuth } from "@/lib/api/handler";
import { parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { testChannel } from "@/lib/alerts/test-channel";

// POST /api/v1/alerts/channels/{id}/test - send a test alert now; { ok, error } carries the channel's own error
export const POST = withAuth<{ id: string }>(async ({ params }) => Response.json(await testChannel(parseParams(params, idParamsSchema).id)), {
  permission: "alerts.manage",
});
