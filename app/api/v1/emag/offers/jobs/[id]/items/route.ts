import { withAuth } from "@/lib/api/handler";
import { csvResponse, type CsvColumns } from "@/lib/api/csv-stream";
import { parseParams, parseQuery } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { allJobItems, getJob, jobItemsQuerySchema, listJobItems } from "@/lib/offers/service";

type Params = { id: string };
type Item = Awaited<ReturnType<typeof allJobItems>>[number];

const COLUMNS: CsvColumns<Item> = [
  ["seq", (i) => i.seq], ["account", (i) => i.account], ["emag_offer_id", (i) => i.emag_offer_id], ["route", (i) => i.route],
  ["status", (i) => i.status], ["message", (i) => i.message], ["attempts", (i) => i.attempts],
  ["changes", (i) => JSON.stringify(i.changes)], ["before", (i) => JSON.stringify(i.before)], ["sent_at", (i) => i.sent_at], ["decided_at", (i) => i.decided_at],
];

// GET /api/v1/emag/offers/jobs/{id}/items - per-item outcomes (paged, filter by status); format=csv downloads all of them
export const GET = withAuth<Params>(
  async ({ req, params, requestId }) => {
    const { id } = parseParams(params, idParamsSchema);
    const q = parseQuery(req, jobItemsQuerySchema);
    if (q.format === "json") return Response.json(await listJobItems(id, q));
    await getJob(id);
    const items = (await allJobItems(id)).filter((i) => !q.status || i.status === q.status);
    return csvResponse({ columns: COLUMNS, batches: (async function* () { yield items; })() }, { filename: `offer-job-${id}.csv`, requestId });
  },
  { permission: "offers.read" },
);
