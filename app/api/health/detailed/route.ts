import { withAuth } from "@/lib/api/handler";
import { detailedHealth } from "@/lib/system/health";

export const dynamic = "force-dynamic";

// GET /api/health/detailed - database, migrations, Redis, Inngest mode, disk and memory (admin)
export const GET = withAuth(
  async () => {
    const report = await detailedHealth();
    return Response.json(report, { status: report.status === "down" ? 503 : 200, headers: { "Cache-Control": "no-store" } });
  },
  { permission: "system.health" },
);
