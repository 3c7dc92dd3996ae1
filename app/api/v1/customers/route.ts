import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { listCustomersQuerySchema } from "@/lib/customers/api-types";
import { seesPii } from "@/lib/customers/mask";
import { findCustomers } from "@/lib/customers/queries";

export const dynamic = "force-dynamic";

// GET /api/v1/customers - customers: filters (tier, segment, risk, account, city, kind, dates, spend), search, sort, paging
export const GET = withAuth(
  async ({ req, user }) => Response.json(await findCustomers(parseQuery(req, listCustomersQuerySchema), { pii: seesPii(user.role) })),
  { permission: "customers.read" },
);
