import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { jobsQuerySchema, listJobs } from "@/lib/offers/service";

// GET /api/v1/emag/offers/jobs - offer-change jobs, newest first (filters: kind, status)
export const GET = withAuth(async ({ req }) => Response.json(await listJobs(parseQuery(req, jobsQuerySchema))), { permission: "offers.read" });
