import { withAuth } from "@/lib/api/handler";
import { parseParams, parseQuery } from "@/lib/api/parse";
import { buildReport } from "@/lib/reports/build";
import { reportKindParamsSchema, reportQuerySchema } from "@/lib/reports/types";
import { reportXlsxResponse } from "@/lib/reports/xlsx-response";

export const dynamic = "force-dynamic";

type Params = { kind: string };

// GET /api/v1/reports/{kind}/export.xlsx?period=YYYY-MM-DD - the same workbook the report mail attaches
export const GET = withAuth<Params>(
  async ({ req, params }) => {
    const { kind } = parseParams(params, reportKindParamsSchema);
    const { period } = parseQuery(req, reportQuerySchema);
    return reportXlsxResponse(await buildReport(kind, new Date(), period));
  },
  { permission: "reports.read" },
);
