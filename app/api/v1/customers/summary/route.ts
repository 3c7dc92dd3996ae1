import { withAuth } from "@/lib/api/handler";
import { seesPii } from "@/lib/customers/mask";
import { customersSummary } from "@/lib/customers/summary";

export const dynamic = "force-dynamic";

// GET /api/v1/customers/summary - counts by tier/segment/risk, channels, new vs returning, repeat rate, top 10, cohorts (cached 5 min)
export const GET = withAuth(async ({ user }) => Response.json(await customersSummary({ pii: seesPii(user.role) })), { permission: "customers.read" });
