import { describe, expect, it } from "vitest";
import { GET as metrics } from "@/app/metrics/route";
import { resetEnvForTests } from "@/lib/env";
import { httpDuration } from "@/lib/metrics/http";

describe("GET /metrics", () => {
  it("serves Prometheus text with process metrics and the HTTP duration histogram", async () => {
    httpDuration().observe({ method: "GET", route: "/api/health", status: "200" }, 0.012);
    const res = await metrics(new Request("http://localhost/metrics"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^# HELP process_cpu_user_seconds_total/m);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0.025",method="GET",route="\/api\/health",status="200"\} 1$/m);
    // every non-comment line is `name{labels} value`
    for (const line of text.split("\n").filter((l) => l && !l.startsWith("#"))) {
      expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? [-+0-9.eEInfNa]+$/);
    }
  });

  it("requires the METRICS_TOKEN bearer token when it is set", async () => {
    resetEnvForTests({ METRICS_TOKEN: "scrape-secret" });
    try {
      expect((await metrics(new Request("http://localhost/metrics"))).status).toBe(401);
      const wrong = new Request("http://localhost/metrics", { headers: { authorization: "Bearer nope" } });
      expect((await metrics(wrong)).status).toBe(401);
      const right = new Request("http://localhost/metrics", { headers: { authorization: "Bearer scrape-secret" } });
      expect((await metrics(right)).status).toBe(200);
    } finally {
      resetEnvForTests({ METRICS_TOKEN: undefined });
    }
  });
});
