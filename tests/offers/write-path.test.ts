// The offer write path against real PostgreSQL and the eMAG simulator: local validation (eMAG not
// called), per-item verdicts, exactly-once application under faults and lost responses, resume
// after a crash, idempotent requests, cancel and retry, and a product sync that cannot undo a change.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PATCH as patchOffer } from "@/app/api/v1/emag/offers/[id]/route";
import { GET as getChanges } from "@/app/api/v1/emag/offers/[id]/changes/route";
import { POST as bulkApply } from "@/app/api/v1/emag/offers/bulk/route";
import { POST as bulkPreview } from "@/app/api/v1/emag/offers/bulk/preview/route";
import { POST as retryJob } from "@/app/api/v1/emag/offers/jobs/[id]/retry/route";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { recoverOfferJobs, waitForOfferJobs } from "@/lib/offers/runner";
import { createSyncLog } from "@/lib/sync/log-store";
import { normaliseOptions } from "@/lib/sync/options";
import { pagePayload } from "@/lib/sync/offer-row";
import { writePage } from "@/lib/sync/page-store";
import { syncProductsNow } from "@/lib/sync/service";
import { syncClient } from "@/lib/sync/runtime";
import { call, userWithToken } from "../helpers/api";
import { simControl, startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;
let manager: { token: string; user: { id: string } };
let viewer: { token: string };

type Writes = { requests: number; applied: number; perOffer: Record<string, number> };
const writes = async (): Promise<Writes> => {
  const res = await fetch(`${sim.controlUrl}/stats`);
  return ((await res.json()) as { writes: Record<string, Writes> }).writes.main!;
};
const simOffer = (id: string) => sim.state.accounts.main.offerById.get(Number(id))!;
const products = () => db.emagProduct.findMany({ where: { account: "main", removedAt: null }, orderBy: { emagOfferId: "asc" } });
const sync = () => syncProductsNow({ account_type: "main", mode: "full", conflict_strategy: "emag_priority" }, { triggeredBy: "user" });

beforeAll(async () => {
  sim = await startFastSimulator({ products: { main: 400, fbe: 5 } });
  stopClients = useFastSyncClients(sim, { timeoutMs: 2_000 });
  manager = await userWithToken("manager");
  viewer = await userWithToken("viewer");
  await syncProductsNow({ account_type: "both", mode: "full" }, { triggeredBy: "user" });
}, 60_000);
afterAll(async () => {
  await waitForOfferJobs();
  await stopClients();
  await sim.close();
});
beforeEach(async () => {
  await simControl(sim, "config", { faultRate: 0, lostWriteRate: 0, hangMs: 300 });
  await simControl(sim, "stats/reset");
});

/** A priced, active, validated offer whose [min, max] leaves room to move. */
async function pricedOffers(n: number) {
  const rows = (await products()).filter((p) => p.salePrice && p.minSalePrice && p.maxSalePrice && Number(p.maxSalePrice) > Number(p.salePrice) * 1.2 && Number(p.minSalePrice) < Number(p.salePrice) * 0.8);
  expect(rows.length).toBeGreaterThanOrEqual(n);
  return rows.slice(0, n);
}

describe("single change", () => {
  it("refuses a rule violation with 422 naming the field and the offer, without calling eMAG", async () => {
    const [p] = await pricedOffers(1);
    const tooHigh = Number(p!.maxSalePrice) + 10;
    const res = await call(patchOffer, { method: "PATCH", token: manager.token, params: { id: p!.id }, body: { sale_price: tooHigh } });
    expect(res.status).toBe(422);
    expect(res.json.error?.message).toContain("sale_price");
    expect(res.json.error?.message).toContain(p!.emagOfferId);
    expect((await writes()).requests).toBe(0);
    const bad = await call(patchOffer, { method: "PATCH", token: manager.token, params: { id: p!.id }, body: { stock: 1.5 } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json.error?.details)).toContain("stock");
  });

  it("refuses FBE stock clearly; viewers cannot write", async () => {
    const fbe = await db.emagProduct.findFirstOrThrow({ where: { account: "fbe" } });
    const res = await call(patchOffer, { method: "PATCH", token: manager.token, params: { id: fbe.id }, body: { stock: 5 } });
    expect(res.status).toBe(422);
    expect(res.json.error?.message).toMatch(/FBE stock/);
    const denied = await call(patchOffer, { method: "PATCH", token: viewer.token, params: { id: fbe.id }, body: { sale_price: 10 } });
    expect(denied.status).toBe(403);
  });

  it("reaches eMAG, records the verdict and the timeline, and the next sync keeps it", async () => {
    const [p] = await pricedOffers(1);
    const next = Math.round(Number(p!.salePrice) * 1.05 * 100) / 100;
    const res = await call(patchOffer, { method: "PATCH", token: manager.token, params: { id: p!.id }, body: { sale_price: next } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ item: { status: "applied", changes: { sale_price: next } } });
    expect(simOffer(p!.emagOfferId).salePrice).toBe(next);
    expect(Number((await db.emagProduct.findUniqueOrThrow({ where: { id: p!.id } })).salePrice)).toBe(next);
    await sync();
    expect(Number((await db.emagProduct.findUniqueOrThrow({ where: { id: p!.id } })).salePrice)).toBe(next);
    const timeline = await call(getChanges, { token: viewer.token, params: { id: p!.id } });
    expect(timeline.status).toBe(200);
    expect(timeline.json).toMatchObject({ total: 1, data: [{ status: "applied", changes: { sale_price: next }, by: { id: manager.user.id } }] });
    expect(await db.auditLog.count({ where: { action: "offers.single", actorId: manager.user.id } })).toBe(1);
  });

  it("a sync page read before the change was applied does not undo it; a later one clears the guard", async () => {
    const [p] = await pricedOffers(1);
    const stale = pagePayload((await syncClient("main").productOffer.read({ id: p!.emagOfferId })));
    const readAt = new Date(Date.now() - 1000);
    const next = Math.round(Number(p!.salePrice) * 0.97 * 100) / 100;
    expect((await call(patchOffer, { method: "PATCH", token: manager.token, params: { id: p!.id }, body: { sale_price: next, stock: 7 } })).json).toMatchObject({ item: { status: "applied" } });
    const log = await createSyncLog(normaliseOptions({ account_type: "main", mode: "incremental" }), { triggeredBy: "user" });
    await writePage({ syncId: log.id, account: "main", page: 1, payload: stale, strategy: "emag_priority", full: false, readAt });
    let row = await db.emagProduct.findUniqueOrThrow({ where: { id: p!.id } });
    expect(Number(row.salePrice)).toBe(next);
    expect(row.generalStock).toBe(7);
    expect(row.offerGuard).not.toBeNull();
    const fresh = pagePayload(await syncClient("main").productOffer.read({ id: p!.emagOfferId }));
    await writePage({ syncId: log.id, account: "main", page: 2, payload: fresh, strategy: "emag_priority", full: false, readAt: new Date() });
    row = await db.emagProduct.findUniqueOrThrow({ where: { id: p!.id } });
    expect(Number(row.salePrice)).toBe(next);
    expect(row.offerGuard).toBeNull();
  });
});

describe("bulk", () => {
  it("previews old -> new with violations, and refuses to apply them unless left out", async () => {
    const rows = await pricedOffers(5);
    const ids = rows.map((r) => r.id);
    const body = { selection: { ids }, operation: { price: { mode: "percent", value: 5, round: "99" } } };
    const preview = await call(bulkPreview, { method: "POST", token: viewer.token, body });
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ summary: { total: 5, invalid: 0 } });
    const bad = await call(bulkPreview, { method: "POST", token: viewer.token, body: { selection: { ids }, operation: { price: { mode: "set", value: 0.01 } } } });
    expect((bad.json as { summary: { invalid: number } }).summary.invalid).toBe(5);
    const refused = await call(bulkApply, { method: "POST", token: manager.token, body: { selection: { ids }, operation: { price: { mode: "set", value: 0.01 } } } });
    expect(refused.status).toBe(422);
    expect((refused.json.error?.details as { field: string }[])[0]!.field).toMatch(/offers\[0\]\.sale_price/);
    expect((await writes()).requests).toBe(0);
  });

  it("at fault rate 0.2 with lost responses, every item is applied exactly once", async () => {
    const rows = await pricedOffers(100);
    await simControl(sim, "config", { faultRate: 0.2, hangMs: 300 });
    const res = await call(bulkApply, { method: "POST", token: manager.token, headers: { "Idempotency-Key": "bulk-fault-test" }, body: { selection: { ids: rows.map((r) => r.id) }, operation: { price: { mode: "amount", value: 1.11 } } } });
    expect(res.status).toBe(202);
    const again = await call(bulkApply, { method: "POST", token: manager.token, headers: { "Idempotency-Key": "bulk-fault-test" }, body: { selection: { ids: rows.map((r) => r.id) }, operation: { price: { mode: "amount", value: 1.11 } } } });
    expect((again.json as { job: { id: string } }).job.id).toBe((res.json as { job: { id: string } }).job.id);
    await waitForOfferJobs();
    const jobId = (res.json as { job: { id: string } }).job.id;
    let job = await db.offerJob.findUniqueOrThrow({ where: { id: jobId } });
    // Items that ran out of attempts are failed, never unknown; "retry failed" finishes them.
    if (job.failed) {
      await simControl(sim, "config", { faultRate: 0 });
      expect((await call(retryJob, { method: "POST", token: manager.token, params: { id: jobId } })).status).toBe(202);
      await waitForOfferJobs();
      job = await db.offerJob.findUniqueOrThrow({ where: { id: jobId } });
    }
    const items = await db.offerJobItem.findMany({ where: { job: { OR: [{ id: jobId }, { parentJobId: jobId }] } } });
    expect(items.every((i) => ["applied", "failed"].includes(i.status))).toBe(true);
    const w = await writes();
    for (const r of rows) {
      expect(w.perOffer[r.emagOfferId], `offer ${r.emagOfferId}`).toBe(1);
      expect(simOffer(r.emagOfferId).salePrice).toBeCloseTo(Number(r.salePrice) + 1.11, 4);
    }
    const stats = await (await fetch(`${sim.controlUrl}/stats`)).json() as { writes: { main: { lost: number; faulted: number } } };
    expect(stats.writes.main.lost + stats.writes.main.faulted).toBeGreaterThan(0);
  }, 120_000);

  it("resumes a job whose runner died: items in doubt are re-read, never sent twice", async () => {
    const rows = await pricedOffers(6);
    const res = await call(bulkApply, { method: "POST", token: manager.token, body: { selection: { ids: rows.map((r) => r.id) }, operation: { stock: 33 } } });
    const jobId = (res.json as { job: { id: string } }).job.id;
    await waitForOfferJobs();
    // Rewind as if the process had died mid-request: 2 items were applied but unanswered, 4 never sent.
    await simControl(sim, "stats/reset");
    const items = await db.offerJobItem.findMany({ where: { jobId }, orderBy: { seq: "asc" } });
    for (const [n, it] of items.entries()) {
      if (n >= 2) simOffer(it.emagOfferId).stock = 1;
      await db.offerJobItem.update({ where: { id: it.id }, data: n < 2 ? { status: "sending", sentAt: new Date(0), decidedAt: null } : { status: "pending", attempts: 0, sentAt: null, decidedAt: null } });
    }
    await db.offerJob.update({ where: { id: jobId }, data: { status: "running", heartbeatAt: new Date(Date.now() - 600_000), completedAt: null } });
    expect(await recoverOfferJobs(60_000)).toContain(jobId);
    await waitForOfferJobs();
    const after = await db.offerJobItem.findMany({ where: { jobId }, orderBy: { seq: "asc" } });
    expect(after.map((i) => i.status)).toEqual(Array(6).fill("applied"));
    expect(after[0]!.message).toMatch(/confirmed by re-reading/);
    const w = await writes();
    for (const [n, it] of after.entries()) expect(w.perOffer[it.emagOfferId] ?? 0).toBe(n < 2 ? 0 : 1);
    expect((await db.offerJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("completed");
  }, 60_000);
});
