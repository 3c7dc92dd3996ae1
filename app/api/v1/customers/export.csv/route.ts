import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { customerFiltersSchema } from "@/lib/customers/api-types";
import { customersCsvResponse } from "@/lib/customers/export";
import { seesPii } from "@/lib/customers/mask";

export const dynamic = "force-dynamic";

// GET /api/v1/customers/export.csv - the customer list (same filters and sort) as streamed CSV, masked per role
export const GET = withAuth(
  async ({ req, user, requestId }) => customersCsvResponse(parseQuery(req, customerFiltersSchema), seesPii(user.role), requestId),
  { permission: "customers.read" },
);
