import { z } from "zod";
import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { cleanupStuckSyncs } from "@/lib/sync/service";

const querySchema = z.object({ timeout_minutes: z.coerce.number().int().min(5).max(60).default(15) });

// POST /api/v1/emag/products/cleanup-stuck-syncs?timeout_minutes=15 - fail running syncs with no heartbeat for that long
export const POST = withAuth(
  async ({ req, user, requestId }) => {
    const { timeout_minutes } = parseQuery(req, querySchema);
    return Response.json(await cleanupStuckSyncs(timeout_minutes * 60_000, undefined, { userId: user.id, requestId }));
  },
  { permission: "products.sync" },
);
