import { errorResponse } from "@/lib/api/handle-error";
import { metricsAuthError, renderMetrics } from "@/lib/metrics/http";

export const dynamic = "force-dynamic";

// GET /metrics - Prometheus text format; requires METRICS_TOKEN as a bearer token when it is set
export async function GET(req: Request) {
  const denied = metricsAuthError(req.headers.get("authorization"));
  if (denied) return errorResponse("unauthorized", denied, undefined, { "WWW-Authenticate": "Bearer" });
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
