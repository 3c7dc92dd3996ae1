import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { routeLabel } from "@/lib/metrics/http";
import { matchRoute, scanRouteTemplates } from "@/lib/metrics/routes";

const tmp = mkdtempSync(path.join(os.tmpdir(), "magflow-routes-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tree(files: string[]) {
  const dir = mkdtempSync(path.join(tmp, "app-"));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), "export {};\n");
  }
  return scanRouteTemplates(dir);
}

describe("route templates from the app folder", () => {
  it("turns [id] into :id and [...x] into *, drops route groups, slots, private folders and intercepting routes", () => {
    const t = tree([
      "(admin)/page.tsx",
      "(admin)/orders/page.tsx",
      "(auth)/login/page.tsx",
      "api/auth/[...nextauth]/route.ts",
      "api/v1/users/[id]/tokens/[tokenId]/route.ts",
      "api/v1/orders/[id]/route.ts",
      "api/v1/orders/couriers/route.ts",
      "docs/[[...slug]]/page.tsx",
      "@modal/(.)photo/page.tsx",
      "_components/page.tsx",
      "orders/layout.tsx",
    ]);
    expect(t.map((x) => x.label).sort()).toEqual([
      "/", "/api/auth/*", "/api/v1/orders/:id", "/api/v1/orders/couriers", "/api/v1/users/:id/tokens/:tokenId", "/docs/*", "/login", "/orders",
    ].sort());
    expect(matchRoute(t, "/")).toBe("/");
    expect(matchRoute(t, "/orders/")).toBe("/orders");
    expect(matchRoute(t, "/api/v1/orders/couriers")).toBe("/api/v1/orders/couriers"); // static beats [id]
    expect(matchRoute(t, "/api/v1/orders/9b2c")).toBe("/api/v1/orders/:id");
    expect(matchRoute(t, "/api/v1/users/u1/tokens/t1")).toBe("/api/v1/users/:id/tokens/:tokenId");
    expect(matchRoute(t, "/api/auth/callback/credentials")).toBe("/api/auth/*");
    expect(matchRoute(t, "/api/auth")).toBeNull(); // [...x] needs one segment
    expect(matchRoute(t, "/docs")).toBe("/docs/*"); // [[...x]] does not
    expect(matchRoute(t, "/api/v1/orders")).toBeNull();
    expect(matchRoute(t, "/api/v1/orders/1/extra")).toBeNull();
    expect(matchRoute(t, "/orders//")).toBe("/orders");
  });

  it("a missing app folder gives no templates (every path is then `other`)", () => {
    expect(scanRouteTemplates(path.join(tmp, "nope"))).toEqual([]);
  });
});

describe("routeLabel on this app's routes", () => {
  it("labels an invoice file by its template, never by its secret token", () => {
    const token = `${randomBytes(24).toString("base64url")}.pdf`;
    expect(routeLabel(`/api/v1/files/invoices/${token}`)).toBe("/api/v1/files/invoices/:file");
    expect(routeLabel(`/api/v1/files/invoices/${token}?download=1`)).toBe("/api/v1/files/invoices/:file");
    expect(routeLabel("/api/v1/users/5b1f0c1e-8a8e-4c55-9b53-0c5f2f7c9d11/tokens/abc")).toBe("/api/v1/users/:id/tokens/:tokenId");
    expect(routeLabel("/api/v1/emag/orders/couriers")).toBe("/api/v1/emag/orders/couriers");
    expect(routeLabel("/api/v1/emag/orders/123/awb")).toBe("/api/v1/emag/orders/:id/awb");
    expect(routeLabel("/api/auth/callback/credentials")).toBe("/api/auth/*");
    expect(routeLabel("/orders?page=2")).toBe("/orders");
    expect(routeLabel("/")).toBe("/");
    expect(routeLabel("/metrics")).toBe("/metrics");
  });

  it("labels everything else with a fixed few values", () => {
    expect(routeLabel("/_next/static/chunks/abc.js")).toBe("/_next/*");
    expect(routeLabel("/__nextjs_original-stack-frame?x=1")).toBe("/_next/*");
    expect(routeLabel("/socket.io/?EIO=4&transport=websocket")).toBe("/socket.io");
    expect(routeLabel("/wp-login.php")).toBe("other");
    expect(routeLabel("/api/v1/files/invoices")).toBe("other");
  });

  it("1,000 random paths add at most one label value", () => {
    const labels = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const depth = 1 + (i % 5);
      const p = Array.from({ length: depth }, () => randomBytes(6).toString("base64url")).join("/");
      labels.add(routeLabel(`/${p}?q=${i}`));
    }
    expect(labels.size).toBeLessThanOrEqual(1);
    expect([...labels]).toEqual(["other"]);
  });
});
