// R3: the route x role matrix. Routes come from app/**/route.ts (every exported method), the rule
// for each from lib/api/route-permissions.ts; each cell calls the real handler as anonymous,
// viewer, manager and admin (plus the route's own credential for the special kinds) and checks:
// anonymous -> 401 unless public; a role without the permission -> 403; a role with it -> neither.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, roles, type Role } from "@/lib/auth/permissions";
import { routePermissions, type RouteAccess } from "@/lib/api/route-permissions";
import { useAppFixture, randomFileToken } from "./support/app-fixture";
import { rcall } from "./support/recorder";
import { resultRow } from "./support/run-dir";
import { discoverRoutes, pathFor, type DiscoveredRoute } from "./support/routes";

const f = useAppFixture();
const row = resultRow("R3", "route x role matrix from the permission map");
let routes: DiscoveredRoute[];

beforeAll(async () => {
  routes = await discoverRoutes();
});
afterAll(() => row.report());

type Expected = "401" | "403" | "404" | "allowed";
interface Cell {
  caller: string;
  token?: string;
  query?: string;
  expected: Expected;
  params?: Record<string, string>;
}

const describeAccess = (a: RouteAccess) => (typeof a === "string" ? a : a.kind);

/** The callers of one route and what each must get. */
function cellsFor(route: DiscoveredRoute, access: RouteAccess): Cell[] {
  const users = (expect: (role: Role) => Expected, query?: string): Cell[] => [
    { caller: "anonymous", expected: access === "public" ? "allowed" : "401", query },
    ...roles.map((role) => ({ caller: role, token: f.users[role].token, expected: expect(role), query })),
  ];
  if (access === "public") return users(() => "allowed");
  if (access === "authenticated") return users(() => "allowed");
  if (typeof access === "string") return users((role) => (can(role, access) ? "allowed" : "403"));
  switch (access.kind) {
    case "metrics": // a user's token is not the metrics token
      return [...users(() => "401"), { caller: "metrics token", token: f.metricsToken, expected: "allowed" }];
    case "callback-token": {
      const q = "?order_id=4100000001";
      return [
        ...users(() => "401", q),
        { caller: "wrong callback token", query: `${q}&token=${randomFileToken()}`, expected: "401" },
        { caller: "callback token", query: `${q}&token=${encodeURIComponent(f.callbackTokens.main)}`, expected: "allowed" },
      ];
    }
    case "file-token": // public by URL: an unknown token is simply not found, whoever asks
      return [
        { caller: "anonymous", expected: "404" },
        ...roles.map((role) => ({ caller: role, token: f.users[role].token, expected: "404" as const })),
        { caller: "file token", expected: "allowed", params: { file: `${f.invoiceFileToken}.pdf` } },
      ];
    default:
      throw new Error(`${route.key}: the matrix has no rule for kind ${access.kind}; add one or give the entry a skip reason`);
  }
}

/** Harmless inputs: random UUIDs (404 is fine), no body (422 is fine), an account that exists. */
function paramsFor(route: DiscoveredRoute): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of route.params) out[p] = p === "account" ? "main" : p === "file" ? `${randomFileToken()}.pdf` : randomUUID();
  return out;
}

const holds = (expected: Expected, status: number) =>
  expected === "allowed" ? status !== 401 && status !== 403 : status === Number(expected);

describe("R3 route x role matrix", () => {
  it("every route has an entry in the permission map, and every entry a route", () => {
    const found = new Set(routes.map((r) => r.key));
    const missing = [...found].filter((k) => !(k in routePermissions));
    const orphans = Object.keys(routePermissions).filter((k) => !found.has(k));
    row.tried(`${routes.length} route methods in ${new Set(routes.map((r) => r.file)).size} files`);
    row.check("every route has a map entry", missing.length === 0, `no entry for ${missing.join(", ")}`);
    row.check("every map entry has a route", orphans.length === 0, `no route for ${orphans.join(", ")}`);
    expect({ missing, orphans }).toEqual({ missing: [], orphans: [] });
  });

  it("every cell answers as the map says", { timeout: 120_000 }, async () => {
    const wrong: string[] = [];
    const skipped: string[] = [];
    let cells = 0;
    let serverErrors = 0;
    for (const route of routes) {
      const access = routePermissions[route.key];
      if (!access) continue; // reported by the test above
      if (typeof access === "object" && access.skip) {
        skipped.push(`${route.key} (${access.kind}: ${access.skip})`);
        continue;
      }
      for (const cell of cellsFor(route, access)) {
        const params = { ...paramsFor(route), ...cell.params };
        const res = await rcall(route.handler, {
          method: route.method,
          path: pathFor(route.template, params, cell.query),
          params,
          token: cell.token,
          route: route.key,
          caller: cell.caller,
        });
        cells++;
        if (res.status >= 500) serverErrors++;
        if (!holds(cell.expected, res.status))
          wrong.push(`${route.key} as ${cell.caller}: expected ${cell.expected}, got ${res.status} (${describeAccess(access)})`);
      }
    }
    row.tried(`${cells} cells (anonymous, viewer, manager, admin + special credentials), ${skipped.length} skipped by the map (next-auth, inngest)`);
    if (serverErrors) row.tried(`${serverErrors} cells answered 5xx (see R4)`);
    row.check(`${cells - wrong.length}/${cells} cells as the map says`, wrong.length === 0, `${wrong.length} wrong: ${wrong.slice(0, 8).join("; ")}`);
    row.report(`${cells} cells as the map says, every route mapped`);
    expect(wrong).toEqual([]);
  });
});
