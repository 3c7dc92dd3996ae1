import { withAuth } from "@/lib/api/handler";
import { listAccounts } from "@/lib/accounts/service";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/accounts - both accounts: mode, base URL, rate-limit usage (never credentials)
export const GET = withAuth(async () => Response.json({ data: await listAccounts() }), { permission: "emag.accounts.read" });
