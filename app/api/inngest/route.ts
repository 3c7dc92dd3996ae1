import type { NextRequest } from "next/server";
import { serve } from "inngest/next";
import { functions, inngest } from "@/inngest";
import { guardInngestHandler } from "@/lib/jobs/inngest-endpoint";

// The client carries INNGEST_SIGNING_KEY (lib/env.ts), which the handler checks in cloud mode;
// the guard refuses what may not run (see lib/jobs/inngest-endpoint.ts).
const handler = serve({ client: inngest, functions });

// PUT /api/inngest - Inngest registration
export const PUT = guardInngestHandler(inngest, handler.PUT);

// POST /api/inngest - step execution (signed by Inngest in cloud mode; local clients only in dev mode)
export const POST = guardInngestHandler(inngest, handler.POST);

// GET /api/inngest - Inngest's introspection, plus (dev mode) the functions and their triggers for
// operators; in cloud mode the signed answer goes out untouched
export const GET = guardInngestHandler(inngest, async (req: NextRequest, ctx: unknown) => {
  const res = await handler.GET(req, ctx);
  if (!res.ok || inngest.mode !== "dev") return res;
  const body = (await res.json()) as Record<string, unknown>;
  const list = functions.map((fn) => ({ id: fn.id(inngest.id), name: fn.name, triggers: fn.opts.triggers ?? [] }));
  return Response.json({ ...body, functions: list }, { status: res.status });
});
