import { withAuth } from "@/lib/api/handler";
import { parseParams, parseQuery } from "@/lib/api/parse";
import { buildReport } from "@/lib/reports/build";
import { reportKindParamsSchema, reportQuerySchema } from "@/lib/reports/types";

export const dynamic = "force-dynamic";

type Params = { kind: string };

// GET /api/v1/reports/{kind}?period=YYYY-MM-DD - a daily or weekly report's figures (default: the latest complete period)
export const GET = withAuth<Params>(
  async ({ req, params }) => {
    const { kind } = parseParams(params, reportKindParamsSchema);
    const { period } = parseQuery(req, reportQuerySchema);
    return Response.json(await buildReport(kind, new Date(), period));
  },
  { permission: "reports.read" },
);
