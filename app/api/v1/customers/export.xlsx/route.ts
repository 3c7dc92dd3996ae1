import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { customerFiltersSchema } from "@/lib/customers/api-types";
import { customersXlsxResponse } from "@/lib/customers/export";
import { seesPii } from "@/lib/customers/mask";

export const dynamic = "force-dynamic";

// GET /api/v1/customers/export.xlsx - the customer list (same filters and sort) as a streamed XLSX workbook, masked per role
export const GET = withAuth(
  async ({ req, user, requestId }) => customersXlsxResponse(parseQuery(req, customerFiltersSchema), seesPii(user.role), requestId),
  { permission: "customers.read" },
);
