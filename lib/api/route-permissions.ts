// Who may call each route: one entry per "METHOD /path/template" under app/**/route.ts. The
// reliability suite (tests/reliability/r3-route-matrix.test.ts) checks every entry against the
// route's real behaviour for every role, and fails when a route has no entry or an entry no route.
import type { Permission } from "@/lib/auth/permissions";

/** Routes authenticated by something other than a user: what the caller must present. */
export type SpecialKind =
  | "callback-token" // eMAG's callback: the account's secret in ?token=
  | "file-token" // an uploaded invoice: the random file token in the path is the credential
  | "metrics" // Prometheus: METRICS_TOKEN as a bearer token when it is set
  | "next-auth" // next-auth's own endpoints (sign-in, CSRF, session)
  | "inngest"; // Inngest's serve() endpoint, authenticated by Inngest's request signing

export type RouteAccess =
  | Permission // a signed-in user whose role holds this permission
  | "public" // anyone
  | "authenticated" // any signed-in user, whatever the role
  | { kind: SpecialKind; why: string; skip?: string }; // skip: why the role matrix does not call it

export const routePermissions: Record<string, RouteAccess> = {
  "GET /api/auth/{...nextauth}": { kind: "next-auth", why: "next-auth's handler", skip: "next-auth's own protocol (CSRF, callbacks), not a MagFlow API" },
  "POST /api/auth/{...nextauth}": { kind: "next-auth", why: "next-auth's handler", skip: "next-auth's own protocol (CSRF, callbacks), not a MagFlow API" },
  "GET /api/health": "public",
  // The API reference holds no data, but the rule is that every API route requires sign-in: any role may read it.
  "GET /api/docs": "authenticated",
  "GET /api/docs/assets/{file}": "authenticated",
  "GET /api/health/detailed": "system.health",
  "GET /api/inngest": { kind: "inngest", why: "Inngest introspection", skip: "authenticated by Inngest's signing key in cloud mode; tests/system/inngest-serve.test.ts covers it" },
  "POST /api/inngest": { kind: "inngest", why: "Inngest step execution", skip: "authenticated by Inngest's signing key in cloud mode; tests/system/inngest-serve.test.ts covers it" },
  "PUT /api/inngest": { kind: "inngest", why: "Inngest registration", skip: "needs an Inngest dev server; tests/system/inngest-serve.test.ts covers it" },
  "GET /api/openapi.json": "authenticated",
  "GET /api/v1/admin/emag-customers": "customers.read",
  "GET /api/v1/alerts": "alerts.manage",
  "GET /api/v1/alerts/channels": "alerts.manage",
  "POST /api/v1/alerts/channels": "alerts.manage",
  "DELETE /api/v1/alerts/channels/{id}": "alerts.manage",
  "PATCH /api/v1/alerts/channels/{id}": "alerts.manage",
  "POST /api/v1/alerts/channels/{id}/test": "alerts.manage",
  "GET /api/v1/alerts/rules": "alerts.manage",
  "PATCH /api/v1/alerts/rules/{id}": "alerts.manage",
  "GET /api/v1/admin/emag-customers/{id}": "customers.read",
  "POST /api/v1/auth/login": "public",
  "GET /api/v1/customers": "customers.read",
  "GET /api/v1/customers/{id}": "customers.read",
  "GET /api/v1/customers/export.csv": "customers.read",
  "GET /api/v1/customers/export.xlsx": "customers.read",
  "POST /api/v1/customers/rebuild": "customers.rebuild",
  "GET /api/v1/customers/summary": "customers.read",
  "GET /api/v1/dashboard/kpis": "dashboard.read",
  "GET /api/v1/emag/accounts": "emag.accounts.read",
  "GET /api/v1/emag/accounts/{account}": "emag.accounts.read",
  "PATCH /api/v1/emag/accounts/{account}": "emag.accounts.manage",
  "DELETE /api/v1/emag/accounts/{account}/credentials": "emag.accounts.manage",
  "GET /api/v1/emag/callbacks/{account}/order": { kind: "callback-token", why: "eMAG cannot sign its calls; the account's secret is in the URL" },
  "GET /api/v1/emag/orders": "orders.read",
  "GET /api/v1/emag/orders/{id}": "orders.read",
  "POST /api/v1/emag/orders/{id}/acknowledge": "orders.write",
  "POST /api/v1/emag/orders/{id}/awb": "orders.write",
  "POST /api/v1/emag/orders/{id}/invoice": "orders.write",
  "PUT /api/v1/emag/orders/{id}/status": "orders.write",
  "GET /api/v1/emag/orders/couriers": "orders.read",
  "GET /api/v1/emag/orders/export.csv": "orders.read",
  "GET /api/v1/emag/orders/statistics": "orders.read",
  "POST /api/v1/emag/orders/sync": "orders.write",
  "GET /api/v1/emag/orders/sync/status": "orders.read",
  "PATCH /api/v1/emag/offers/{id}": "offers.write",
  "GET /api/v1/emag/offers/{id}/changes": "offers.read",
  "POST /api/v1/emag/offers/bulk": "offers.write",
  "POST /api/v1/emag/offers/bulk/preview": "offers.read",
  "GET /api/v1/emag/offers/export.csv": "offers.read",
  "GET /api/v1/emag/offers/export.xlsx": "offers.read",
  "POST /api/v1/emag/offers/import": "offers.write",
  "POST /api/v1/emag/offers/import/preview": "offers.read",
  "GET /api/v1/emag/offers/inventory/drift": "offers.read",
  "POST /api/v1/emag/offers/inventory/drift/fix": "offers.write",
  "GET /api/v1/emag/offers/inventory/items": "offers.read",
  "PATCH /api/v1/emag/offers/inventory/items/{id}": "offers.write",
  "GET /api/v1/emag/offers/inventory/low-stock": "offers.read",
  "GET /api/v1/emag/offers/inventory/settings": "offers.read",
  "PUT /api/v1/emag/offers/inventory/settings": "offers.write",
  "GET /api/v1/emag/offers/jobs": "offers.read",
  "GET /api/v1/emag/offers/jobs/{id}": "offers.read",
  "POST /api/v1/emag/offers/jobs/{id}/cancel": "offers.write",
  "GET /api/v1/emag/offers/jobs/{id}/items": "offers.read",
  "POST /api/v1/emag/offers/jobs/{id}/retry": "offers.write",
  "GET /api/v1/emag/offers/repricer/rules": "offers.read",
  "POST /api/v1/emag/offers/repricer/rules": "offers.write",
  "DELETE /api/v1/emag/offers/repricer/rules/{id}": "offers.write",
  "GET /api/v1/emag/offers/repricer/rules/{id}": "offers.read",
  "PATCH /api/v1/emag/offers/repricer/rules/{id}": "offers.write",
  "POST /api/v1/emag/offers/repricer/rules/{id}/apply": "offers.write",
  "POST /api/v1/emag/offers/repricer/rules/{id}/dry-run": "offers.read",
  "POST /api/v1/emag/products/cleanup-stuck-syncs": "products.sync",
  "GET /api/v1/emag/products/export.csv": "products.read",
  "GET /api/v1/emag/products/history": "products.read",
  "GET /api/v1/emag/products/products": "products.read",
  "GET /api/v1/emag/products/products/{id}": "products.read",
  "PATCH /api/v1/emag/products/products/{id}": "products.sync",
  "GET /api/v1/emag/products/statistics": "products.read",
  "GET /api/v1/emag/products/status": "products.read",
  "POST /api/v1/emag/products/sync": "products.sync",
  "DELETE /api/v1/emag/products/sync/{id}": "products.sync",
  "POST /api/v1/emag/products/test-connection": "emag.accounts.test",
  "GET /api/v1/files/invoices/{file}": { kind: "file-token", why: "eMAG downloads attachments without auth; the URL is the credential" },
  "GET /api/v1/me": "authenticated",
  "GET /api/v1/notifications": "notifications.read",
  "POST /api/v1/notifications/{id}/read": "notifications.read",
  "POST /api/v1/notifications/read-all": "notifications.read",
  "GET /api/v1/notifications/unread-count": "notifications.read",
  "GET /api/v1/reports/{kind}": "reports.read",
  "GET /api/v1/reports/{kind}/export.xlsx": "reports.read",
  "GET /api/v1/reports/subscriptions": "reports.manage",
  "POST /api/v1/reports/subscriptions": "reports.manage",
  "PATCH /api/v1/reports/subscriptions/{id}": "reports.manage",
  "DELETE /api/v1/reports/subscriptions/{id}": "reports.manage",
  "GET /api/v1/system/cache": "system.health",
  "GET /api/v1/system/status": "dashboard.read",
  "GET /api/v1/users": "users.manage",
  "POST /api/v1/users": "users.manage",
  "GET /api/v1/users/{id}": "users.manage",
  "PATCH /api/v1/users/{id}": "users.manage",
  "POST /api/v1/users/{id}/tokens": "users.manage",
  "DELETE /api/v1/users/{id}/tokens/{tokenId}": "users.manage",
  "GET /metrics": { kind: "metrics", why: "scraped by Prometheus with METRICS_TOKEN, not by users" },
};

/** "app/api/v1/users/[id]/route.ts" -> "/api/v1/users/{id}" (route groups dropped). */
export function routeTemplate(routeFile: string): string {
  const segments = routeFile.replace(/\\/g, "/").replace(/^app\//, "").replace(/\/?route\.ts$/, "").split("/").filter(Boolean);
  const kept = segments.filter((s) => !/^\(.*\)$/.test(s)).map((s) => s.replace(/^\[(.+)\]$/, "{$1}"));
  return `/${kept.join("/")}`;
}
