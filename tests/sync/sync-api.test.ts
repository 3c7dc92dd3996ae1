import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as cleanupRoute } from "@/app/api/v1/emag/products/cleanup-stuck-syncs/route";
import { GET as historyRoute } from "@/app/api/v1/emag/products/history/route";
import { GET as statusRoute } from "@/app/api/v1/emag/products/status/route";
import { DELETE as cancelRoute } from "@/app/api/v1/emag/products/sync/[id]/route";
import { POST as syncRoute } from "@/app/api/v1/emag/products/sync/route";
import { db } from "@/lib/db";
import { resetEmagClients } from "@/lib/emag/config";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { startEmagSimulator } from "@/lib/emag/simulator";
import { createSyncLog } from "@/lib/sync/log-store";
import { normaliseOptions } from "@/lib/sync/options";
import { waitForBackgroundSyncs } from "@/lib/sync/service";
import { call, userWithToken } from "../helpers/api";
import { simControl, useAppClients, useIsolatedDatabase } from "./support";

useIsolatedDatabase();

let sim: EmagSimulator;
let manager: string;
let viewer: string;

beforeAll(async () => {
  // The app's own clients (eMAG's real 3 req/s budget); 400 ms per request keeps a sync busy.
  sim = await startEmagSimulator({ port: 0, products: { main: 450, fbe: 250 }, orders: 0, newOrdersPerMinute: 0, latencyMs: 400 });
  await useAppClients(sim);
  manager = (await userWithToken("manager")).token;
  viewer = (await userWithToken("viewer")).token;
});
afterAll(async () => {
  await waitForBackgroundSyncs();
  await resetEmagClients();
  await sim.close();
});

const post = (body: unknown, token = manager) => call(syncRoute, { method: "POST", token, body });

describe("POST /api/v1/emag/products/sync", () => {
  it("202 with the sync id at once; a busy account gets 409 with the running sync's id; DELETE cancels it", async () => {
    const first = await post({ account_type: "main", mode: "full" });
    expect(first.status).toBe(202);
    expect(first.json).toMatchObject({ sync_id: expect.any(String), status: "running", accounts: ["main"], mode: "full", message: expect.any(String) });
    const id = first.json.sync_id as string;

    const busy = await post({ account_type: "both" });
    expect(busy.status).toBe(409);
    expect(busy.json.error).toMatchObject({ code: "conflict", details: { running_sync_id: id, account: "main" } });

    const status = await call(statusRoute, { token: viewer });
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({ is_running: true, current_sync: { id, status: "running", accounts: ["main"], mode: "full" } });

    const cancelled = await call(cancelRoute, { method: "DELETE", token: manager, params: { id } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toEqual({ id, status: "cancelled" });
    expect((await call(cancelRoute, { method: "DELETE", token: manager, params: { id } })).status).toBe(409);
    expect((await call(cancelRoute, { method: "DELETE", token: manager, params: { id: "00000000-0000-4000-8000-000000000000" } })).status).toBe(404);

    // The cancelled run stops writing; its log keeps the cancelled status.
    await waitForBackgroundSyncs();
    const after = await db.syncLog.findUniqueOrThrow({ where: { id } });
    expect(after.status).toBe("cancelled");
    const rows = await db.emagProduct.count();
    expect(rows).toBeLessThan(450);
    await new Promise((r) => setTimeout(r, 600));
    expect(await db.emagProduct.count()).toBe(rows);
  });

  it("is race-safe: of five concurrent requests for one account exactly one starts", async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => post({ account_type: "fbe" })));
    const started = results.filter((r) => r.status === 202);
    const refused = results.filter((r) => r.status === 409);
    expect(started).toHaveLength(1);
    expect(refused).toHaveLength(4);
    const id = started[0]!.json.sync_id;
    for (const r of refused) expect(r.json.error?.details).toEqual({ running_sync_id: id, account: "fbe" });
    // Another account is not blocked.
    const main = await post({ account_type: "main", max_pages: 1 });
    expect(main.status).toBe(202);
    await waitForBackgroundSyncs();
    expect((await db.syncLog.findUniqueOrThrow({ where: { id: id as string } })).status).toBe("completed");
  });

  it("waits for the result when run_async is false", async () => {
    const res = await post({ account_type: "fbe", mode: "incremental", run_async: false });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      sync_id: expect.any(String),
      status: "completed",
      mode: "incremental",
      counters: { created: 0, updated: 0, unchanged: 250, removed: 0, failed: 0 },
      pages: 3,
      progress: { fbe: { page: 3, total_pages: 3, processed: 250, total: 250, percent: 100 } },
      triggered_by: "api",
    });
    expect(res.json.id).toBe(res.json.sync_id);
  });

  it("validates the body (422 naming the field, 400 for malformed JSON) and needs products.sync", async () => {
    const bad = await post({ items_per_page: 500, conflict_strategy: "whatever" });
    expect(bad.status).toBe(422);
    const fields = (bad.json.error?.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(["items_per_page", "conflict_strategy"]));
    expect((await post({ timeout_seconds: 5 })).status).toBe(422);
    expect((await call(syncRoute, { method: "POST", token: manager, rawBody: "{nope" })).status).toBe(400);
    expect((await post({}, viewer)).status).toBe(403);
    expect((await call(syncRoute, { method: "POST", body: {} })).status).toBe(401);
  });

  it("a sync whose worker died stops blocking: cleanup fails it, and a stale one is replaced on request", async () => {
    await simControl(sim, "config", { latencyMs: 2000 });
    const first = await post({ account_type: "main" });
    expect(first.status).toBe(202);
    const id = first.json.sync_id as string;
    // A fresh heartbeat is not stuck.
    const none = await call(cleanupRoute, { method: "POST", token: manager, path: "/x?timeout_minutes=5" });
    expect(none.json).toEqual({ cleaned: 0, ids: [] });
    expect((await call(cleanupRoute, { method: "POST", token: manager, path: "/x?timeout_minutes=2" })).status).toBe(400);
    expect((await call(cleanupRoute, { method: "POST", token: viewer })).status).toBe(403);

    await db.$executeRaw`UPDATE sync_logs SET heartbeat_at = now() - interval '20 minutes' WHERE id = ${id}::uuid`;
    const cleaned = await call(cleanupRoute, { method: "POST", token: manager });
    expect(cleaned.json).toEqual({ cleaned: 1, ids: [id] });
    const failed = await db.syncLog.findUniqueOrThrow({ where: { id } });
    expect(failed.status).toBe("failed");
    await waitForBackgroundSyncs(); // its worker notices at the next heartbeat and stops

    // A log left "running" by a worker that died (nothing heartbeats it) no longer blocks a request.
    await simControl(sim, "config", { latencyMs: 0 });
    const orphan = await createSyncLog(normaliseOptions({ account_type: "main" }), { triggeredBy: "schedule" });
    await db.$executeRaw`UPDATE sync_logs SET heartbeat_at = now() - interval '3 minutes' WHERE id = ${orphan.id}::uuid`;
    const replaced = await post({ account_type: "main", max_pages: 1 });
    expect(replaced.status).toBe(202);
    await waitForBackgroundSyncs();
    expect((await db.syncLog.findUniqueOrThrow({ where: { id: orphan.id } })).status).toBe("failed");
  });
});

describe("GET /api/v1/emag/products/history", () => {
  it("pages the logs newest first, filtered by status and account", async () => {
    const all = await call(historyRoute, { token: viewer, path: "/x?pageSize=2" });
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({ page: 1, pageSize: 2, total: expect.any(Number) });
    const data = all.json.data as { started_at: string }[];
    expect(data).toHaveLength(2);
    expect(data[0]!.started_at >= data[1]!.started_at).toBe(true);
    const cancelled = await call(historyRoute, { token: viewer, path: "/x?status=cancelled&account=main" });
    expect((cancelled.json.data as { status: string }[]).every((l) => l.status === "cancelled")).toBe(true);
    expect(cancelled.json.total).toBe(1);
    expect((await call(historyRoute, { token: viewer, path: "/x?status=bogus" })).status).toBe(400);
  });
});
