import { withAuth } from "@/lib/api/handler";
import { parseBody } from "@/lib/api/parse";
import { syncRequestSchema } from "@/lib/sync/options";
import { startProductSync } from "@/lib/sync/service";

export const dynamic = "force-dynamic";

// POST /api/v1/emag/products/sync - start a product sync (202 + sync_id, or 200 with the result when run_async is false)
export const POST = withAuth(
  async ({ req, user, requestId }) => {
    const input = await parseBody(req, syncRequestSchema);
    const started = await startProductSync(input, { triggeredBy: user.via === "token" ? "api" : "user", userId: user.id, requestId });
    return Response.json(started.body, { status: started.async ? 202 : 200 });
  },
  { permission: "products.sync", rateLimit: "emag" },
);
