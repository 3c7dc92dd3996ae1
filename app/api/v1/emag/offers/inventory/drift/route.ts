import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { driftQuerySchema } from "@/lib/inventory/api-types";
import { findDrift } from "@/lib/inventory/drift";

// GET /api/v1/emag/offers/inventory/drift - offers whose eMAG stock differs from what MagFlow would send, largest difference first
export const GET = withAuth(async ({ req }) => Response.json(await findDrift(parseQuery(req, driftQuerySchema))), { permission: "offers.read" });
