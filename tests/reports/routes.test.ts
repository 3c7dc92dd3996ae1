// The report routes on real handlers and PostgreSQL: the figures as JSON and the same workbook as
// an XLSX download (reports.read: every role), the subscriptions editor (reports.manage: admin
// only), and validation answering 4xx naming the field.
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as reportRoute } from "@/app/api/v1/reports/[kind]/route";
import { GET as xlsxRoute } from "@/app/api/v1/reports/[kind]/export.xlsx/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/v1/reports/subscriptions/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/reports/subscriptions/route";
import { db } from "@/lib/db";
import { reportSchema } from "@/lib/reports/types";
import { call, userWithToken } from "../helpers/api";
import { useIsolatedDatabase } from "../sync/support";
import { seedNovemberDay } from "./support";

useIsolatedDatabase();

let admin: Awaited<ReturnType<typeof userWithToken>>;
let viewer: Awaited<ReturnType<typeof userWithToken>>;
let manager: Awaited<ReturnType<typeof userWithToken>>;

beforeAll(async () => {
  await seedNovemberDay();
  [admin, viewer, manager] = await Promise.all([userWithToken("admin"), userWithToken("viewer"), userWithToken("manager")]);
});

const fields = (json: { error?: { details?: unknown } } | undefined) => ((json?.error?.details ?? []) as { field: string }[]).map((d) => d.field);

describe("GET /api/v1/reports/{kind}", () => {
  it("answers a period's figures to a viewer", async () => {
    const res = await call(reportRoute, { path: "/api/v1/reports/daily?period=2026-11-02", params: { kind: "daily" }, token: viewer.token });
    expect(res.status).toBe(200);
    const r = reportSchema.parse(res.json);
    expect(r.period.key).toBe("2026-11-02");
    expect(r.accounts.find((a) => a.account === "all")?.current).toEqual({ orders: 5, revenue: 320, revenue_orders: 3 });
  });

  it("defaults to the latest complete period", async () => {
    const res = await call(reportRoute, { path: "/api/v1/reports/weekly", params: { kind: "weekly" }, token: viewer.token });
    expect(res.status).toBe(200);
    expect((res.json as { kind: string }).kind).toBe("weekly");
  });

  it("400 names the field: an unknown kind, a bad period; 401 anonymous", async () => {
    const kind = await call(reportRoute, { path: "/api/v1/reports/monthly", params: { kind: "monthly" }, token: viewer.token });
    expect(kind.status).toBe(400);
    expect(fields(kind.json)).toEqual(["kind"]);
    const period = await call(reportRoute, { path: "/api/v1/reports/daily?period=2026-02-30", params: { kind: "daily" }, token: viewer.token });
    expect(period.status).toBe(400);
    expect(fields(period.json)).toEqual(["period"]);
    expect((await call(reportRoute, { path: "/api/v1/reports/daily", params: { kind: "daily" } })).status).toBe(401);
  });
});

describe("GET /api/v1/reports/{kind}/export.xlsx", () => {
  it("streams the workbook with a sheet per section", async () => {
    const req = new NextRequest("http://localhost/api/v1/reports/daily/export.xlsx?period=2026-11-02", { headers: { authorization: `Bearer ${manager.token}` } });
    const res = await xlsxRoute(req, { params: Promise.resolve({ kind: "daily" }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="magflow-daily-report-2026-11-02.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toContain("Top products");
    expect((wb.getWorksheet("Summary")!.getRow(4).values as unknown[]).slice(1, 3)).toEqual(["Total", 5]);
  });
});

describe("report subscriptions", () => {
  it("are admin only", async () => {
    for (const u of [viewer, manager]) {
      expect((await call(listRoute, { token: u.token })).status).toBe(403);
      expect((await call(createRoute, { method: "POST", token: u.token, body: { email: "x@shop.test", daily: true } })).status).toBe(403);
    }
  });

  it("POST subscribes an address (201), a repeat sets it (200), and every change is audited", async () => {
    const first = await call(createRoute, { method: "POST", token: admin.token, body: { email: "  Boss@Shop.test ", daily: true, user_id: viewer.user.id } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ email: "boss@shop.test", daily: true, weekly: false, user_id: viewer.user.id, user_name: "Test viewer", last_delivery: null });
    const again = await call(createRoute, { method: "POST", token: admin.token, body: { email: "boss@shop.test", daily: true, weekly: true } });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ id: first.json.id, weekly: true, user_id: viewer.user.id });
    expect(await db.reportSubscription.count({ where: { email: "boss@shop.test" } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityType: "report_subscription", entityId: first.json.id as string } })).toBe(2);
    const list = await call(listRoute, { token: admin.token });
    expect(list.json).toMatchObject({ total: 1, page: 1, pageSize: 20, data: [{ email: "boss@shop.test" }] });
    expect((await call(listRoute, { path: "/api/v1/reports/subscriptions?pageSize=500", token: admin.token })).status).toBe(400);
  });

  it("422 names the field: a bad address, a wrong type, an unknown user, an unknown key", async () => {
    const cases: [unknown, string][] = [
      [{ email: "not-an-address", daily: true }, "email"],
      [{ email: "a@shop.test", daily: "yes" }, "daily"],
      [{ email: "a@shop.test", user_id: "00000000-0000-4000-8000-000000000000" }, "user_id"],
    ];
    for (const [body, field] of cases) {
      const res = await call(createRoute, { method: "POST", token: admin.token, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(fields(res.json)).toContain(field);
    }
    const bad = await call(createRoute, { method: "POST", token: admin.token, rawBody: "{" });
    expect(bad.status).toBe(400);
  });

  it("PATCH changes kinds, refuses a taken address (409 naming email); DELETE removes it", async () => {
    const a = await call(createRoute, { method: "POST", token: admin.token, body: { email: "one@shop.test", weekly: true } });
    await call(createRoute, { method: "POST", token: admin.token, body: { email: "two@shop.test", daily: true } });
    const id = a.json.id as string;
    const patched = await call(patchRoute, { method: "PATCH", token: admin.token, params: { id }, body: { daily: true, weekly: false } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ daily: true, weekly: false });
    const taken = await call(patchRoute, { method: "PATCH", token: admin.token, params: { id }, body: { email: "two@shop.test" } });
    expect(taken.status).toBe(409);
    expect(fields(taken.json)).toEqual(["email"]);
    expect((await call(patchRoute, { method: "PATCH", token: admin.token, params: { id: "nope" }, body: {} })).status).toBe(400);
    const del = await call(deleteRoute, { method: "DELETE", token: admin.token, params: { id } });
    expect(del.status).toBe(200);
    expect((await call(deleteRoute, { method: "DELETE", token: admin.token, params: { id } })).status).toBe(404);
  });
});
