import { withAuth } from "@/lib/api/handler";
import { parseBody, parseQuery } from "@/lib/api/parse";
import { accountQuerySchema, settingsBodySchema } from "@/lib/inventory/api-types";
import { getSettings, updateSettings } from "@/lib/inventory/settings";

// GET /api/v1/emag/offers/inventory/settings?account=main - inventory settings and counts (FBE: 422)
export const GET = withAuth(
  async ({ req }) => Response.json(await getSettings(parseQuery(req, accountQuerySchema).account)),
  { permission: "offers.read" },
);

// PUT /api/v1/emag/offers/inventory/settings?account=main - change settings; switching on creates the items from eMAG's stock (audited)
export const PUT = withAuth(
  async ({ req, user, requestId }) => {
    const { account } = parseQuery(req, accountQuerySchema);
    const body = await parseBody(req, settingsBodySchema);
    return Response.json(await updateSettings(account, body, { userId: user.id, requestId }));
  },
  { permission: "offers.write" },
);
