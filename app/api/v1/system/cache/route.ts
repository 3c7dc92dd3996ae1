import { withAuth } from "@/lib/api/handler";
import { cacheStats } from "@/lib/cache";

export const dynamic = "force-dynamic";

// GET /api/v1/system/cache - cache backend, hits, misses, hit rate, keys, memory and TTLs (admin)
export const GET = withAuth(async () => Response.json(await cacheStats()), { permission: "system.health" });
