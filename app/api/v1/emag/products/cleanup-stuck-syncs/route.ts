import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { cleanupStuckSyncsQuerySchema } from "@/lib/products/schemas";
import { cleanupStuckSyncs } from "@/lib/sync/service";

// POST /api/v1/emag/products/cleanup-stuck-syncs?timeout_minutes=15 - fail running syncs with no heartbeat for that long
export const POST = withAuth(
  async ({ req, user, requestId }) => {
    const { timeout_minutes } = parseQuery(req, cleanupStuckSyncsQuerySchema);
    return Response.json(await cleanupStuckSyncs(timeout_minutes * 60_000, undefined, { userId: user.id, requestId }));
  },
  { permission: "products.sync" },
);
