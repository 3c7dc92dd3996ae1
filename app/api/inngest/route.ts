import type { NextRequest } from "next/server";
import { serve } from "inngest/next";
import { functions, inngest } from "@/inngest";

const handler = serve({ client: inngest, functions });

// PUT/POST /api/inngest - Inngest registration and step execution
export const { POST, PUT } = handler;

// GET /api/inngest - Inngest's introspection, plus the functions and their triggers for operators
export async function GET(req: NextRequest, ctx: unknown) {
  const res = await handler.GET(req, ctx);
  if (!res.ok) return res;
  const body = (await res.json()) as Record<string, unknown>;
  const list = functions.map((fn) => ({ id: fn.id(inngest.id), name: fn.name, triggers: fn.opts.triggers ?? [] }));
  return Response.json({ ...body, functions: list }, { status: res.status });
}
