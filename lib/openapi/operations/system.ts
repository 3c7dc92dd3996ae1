import { docsAssetParamsSchema } from "../docs-page";
import type { OperationGroup } from "../types";

const inngest = "Inngest's serve() endpoint, called by Inngest itself (signed in cloud mode); not part of MagFlow's API";

export const systemOperations: OperationGroup = {
  tag: "System",
  description: "Health, status, cache statistics, Prometheus metrics and this reference.",
  operations: {
    "GET /api/health": {
      summary: "Liveness",
      description: "Public; for load balancers and uptime checks.",
      responses: { 200: { description: "`{ status: \"ok\" }`" } },
    },
    "GET /api/health/detailed": {
      summary: "Database, migrations, Redis, Inngest mode, disk and memory",
      responses: { 200: { description: "Every check with its status" }, 503: { description: "A check is down (same body as 200)", shape: "object" } },
    },
    "GET /api/v1/system/cache": {
      summary: "Cache backend, hits, misses, hit rate, keys, memory and TTLs",
      responses: { 200: { description: "Cache statistics" } },
    },
    "GET /api/v1/system/status": {
      summary: "Summary of the system for the dashboard",
      responses: { 200: { description: "System status summary" } },
    },
    "GET /metrics": {
      summary: "Prometheus metrics",
      description: "For Prometheus, not for users: METRICS_TOKEN as a bearer token when it is set (open when it is not). See ops/prometheus.yml.",
      responses: { 200: { description: "Prometheus text exposition format", shape: "prometheus" } },
    },
    "GET /api/openapi.json": {
      summary: "This API reference as an OpenAPI 3.1 document",
      description: "Any signed-in user. Built from the zod schemas the routes validate with.",
      responses: { 200: { description: "The OpenAPI 3.1 document" } },
    },
    "GET /api/docs": {
      summary: "The interactive API reference (Swagger UI)",
      description: "Any signed-in user; an HTML page. Authorize with a bearer token from POST /api/v1/auth/login to try calls.",
      responses: { 200: { description: "An HTML page", shape: "html" } },
    },
    "GET /api/docs/assets/{file}": { summary: "Swagger UI files", params: docsAssetParamsSchema, responses: {}, hidden: "static files of the reference page (swagger-ui-dist)" },
    "GET /api/inngest": { summary: "Inngest", responses: {}, hidden: inngest },
    "POST /api/inngest": { summary: "Inngest", responses: {}, hidden: inngest },
    "PUT /api/inngest": { summary: "Inngest", responses: {}, hidden: inngest },
  },
};
