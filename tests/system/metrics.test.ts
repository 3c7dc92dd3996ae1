import { describe, expect, it } from "vitest";
import { GET as metrics } from "@/app/metrics/route";
import { resetEnvForTests } from "@/lib/env";
import { httpDuration, routeLabel } from "@/lib/metrics/http";

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

  it("labels requests by route template: an invoice token or a random path never reaches /metrics", async () => {
    const secret = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_xyz";
    const paths = [`/api/v1/files/invoices/${secret}.pdf`, "/api/v1/users/5b1f0c1e-8a8e-4c55-9b53-0c5f2f7c9d11", ...Array.from({ length: 200 }, (_, i) => `/probe-${i}/${secret}`)];
    for (const p of paths) httpDuration().observe({ method: "GET", route: routeLabel(p), status: "404" }, 0.001);
    const text = await (await metrics(new Request("http://localhost/metrics"))).text();
    expect(text).not.toContain(secret);
    expect(text).toMatch(/route="\/api\/v1\/files\/invoices\/:file",status="404"/);
    expect(text).toMatch(/route="\/api\/v1\/users\/:id",status="404"/);
    const routes = new Set([...text.matchAll(/^http_request_duration_seconds_count\{[^}]*route="([^"]*)"[^}]*status="404"\}/gm)].map((m) => m[1]));
    expect([...routes].sort()).toEqual(["/api/v1/files/invoices/:file", "/api/v1/users/:id", "other"]);
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
