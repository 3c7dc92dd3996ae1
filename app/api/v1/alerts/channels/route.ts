import { withAuth } from "@/lib/api/handler";
import { parseBody } from "@/lib/api/parse";
import { createChannelSchema } from "@/lib/alerts/api-types";
import { createChannel, listChannels } from "@/lib/alerts/channels";

// GET /api/v1/alerts/channels - every alert channel (webhook URLs masked)
export const GET = withAuth(async () => Response.json(await listChannels()), { permission: "alerts.manage" });

// POST /api/v1/alerts/channels - add an e-mail or webhook channel (audited); 422 names the field
export const POST = withAuth(
  async ({ req, user, requestId }) => Response.json(await createChannel(await parseBody(req, createChannelSchema), { userId: user.id, requestId }), { status: 201 }),
  { permission: "alerts.manage" },
);
