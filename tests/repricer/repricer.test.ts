// The repricer against real PostgreSQL and the eMAG simulator: rule validation and audit, a dry run
// that sends nothing, an apply that goes through the offer write path, and the outcome on eMAG
// (after the job and a product sync, the offer holds the buy button within its bounds); rule
// precedence, offers with a change in flight, Smart Deals, and the run after a product sync.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRules, POST as createRule } from "@/app/api/v1/emag/offers/repricer/rules/route";
import { DELETE as deleteRule, GET as getRule, PATCH as patchRule } from "@/app/api/v1/emag/offers/repricer/rules/[id]/route";
import { POST as applyRule } from "@/app/api/v1/emag/offers/repricer/rules/[id]/apply/route";
import { POST as dryRun } from "@/app/api/v1/emag/offers/repricer/rules/[id]/dry-run/route";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { simQuery } from "@/lib/emag/test-support";
import { waitForDispatchedJobs } from "@/lib/jobs/dispatch";
import { waitForOfferJobs } from "@/lib/offers/runner";
import type { ApplyResult, DryRunResult, PlanRow, RuleJson } from "@/lib/repricer/api-types";
import { syncProductsNow } from "@/lib/sync/service";
import { call, userWithToken } from "../helpers/api";
import { simControl, startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;
let manager: { token: string; user: { id: string } };
let viewer: { token: string };

type Competitors = { prices: number[]; smart_deals_price: number | null; sale_price: number; buy_button_rank: number; best_offer_sale_price: number };
const competitors = (id: string) => simQuery<Competitors>(sim, "competitors", { account: "main", id });
const setCompetitors = (id: string, prices: number[] | null) => simControl(sim, "competitors", { account: "main", id: Number(id), prices });
const writeRequests = async () => ((await (await fetch(`${sim.controlUrl}/stats`)).json()) as { writes: { main: { requests: number } } }).writes.main.requests;
/** A product sync, then the repricer run its completion starts (in-process here), then that run's job. */
async function syncAndSettle() {
  await syncProductsNow({ account_type: "main", mode: "full", conflict_strategy: "emag_priority" }, { triggeredBy: "user" });
  await waitForDispatchedJobs();
  await waitForOfferJobs();
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const rowOf = (r: DryRunResult, productId: string) => r.data.find((x) => x.product_id === productId) as PlanRow;

/** Live offers (active, in stock, valid) whose [min, max] leaves room around the price. */
async function liveOffers(n: number) {
  const rows = await db.emagProduct.findMany({
    where: { account: "main", removedAt: null, status: 1, generalStock: { gt: 0 }, offerValidationStatus: 1, validationStatus: { in: [3, 9, 11, 12] } },
    orderBy: { emagOfferId: "asc" },
  });
  const roomy = rows.filter((p) => p.salePrice && p.minSalePrice && p.maxSalePrice && Number(p.minSalePrice) < Number(p.salePrice) * 0.85 && Number(p.maxSalePrice) > Number(p.salePrice) * 1.3 && (!p.recommendedPrice || Number(p.recommendedPrice) > Number(p.salePrice)));
  expect(roomy.length).toBeGreaterThanOrEqual(n);
  return roomy.slice(0, n);
}

beforeAll(async () => {
  sim = await startFastSimulator({ products: { main: 150, fbe: 5 }, competitorDriftMs: 0 });
  stopClients = useFastSyncClients(sim, { timeoutMs: 5_000 });
  manager = await userWithToken("manager");
  viewer = await userWithToken("viewer");
  await syncAndSettle();
}, 90_000);
afterAll(async () => {
  await waitForDispatchedJobs();
  await waitForOfferJobs();
  await stopClients();
  await sim.close();
});

describe("rules: validation, permissions, audit", () => {
  it("refuses bad rules naming the field (422), malformed JSON (400), and viewers (403)", async () => {
    const post = (body: unknown, token = manager.token) => call(createRule, { method: "POST", token, body });
    const base = { name: "x", account: "main", strategy: "buy_button" };
    for (const [body, field] of [
      [{ ...base, floor: 20, ceiling: 10 }, "floor"],
      [{ ...base, strategy: "lowest" }, "strategy"],
      [{ ...base, step: 0 }, "step"],
      [{ ...base, account: "emag" }, "account"],
      [{ ...base, scope: { offer_ids: ["abc"] } }, "scope.offer_ids.0"],
      [{ ...base, scope: { colour: "red" } }, "scope"],
    ] as const) {
      const res = await call(createRule, { method: "POST", token: manager.token, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect((res.json.error?.details as { field: string }[]).map((d) => d.field), JSON.stringify(body)).toContain(field);
    }
    expect((await call(createRule, { method: "POST", token: manager.token, rawBody: "{nope" })).status).toBe(400);
    expect((await post(base, viewer.token)).status).toBe(403);
    expect((await call(listRules, { token: viewer.token })).status).toBe(200);
  });

  it("creates, reads, patches (floor <= ceiling on the merged rule) and deletes, each change audited", async () => {
    const created = await call(createRule, { method: "POST", token: manager.token, body: { name: "Temp", account: "main", strategy: "buy_button", floor: 10, ceiling: 100 } });
    expect(created.status).toBe(201);
    const rule = created.json as unknown as RuleJson;
    expect(rule).toMatchObject({ step: 0.01, enabled: true, priority: 100, scope: {}, created_by_id: manager.user.id, last_run_at: null });
    expect((await call(getRule, { token: viewer.token, params: { id: rule.id } })).json).toMatchObject({ id: rule.id, name: "Temp" });
    const bad = await call(patchRule, { method: "PATCH", token: manager.token, params: { id: rule.id }, body: { floor: 150 } });
    expect(bad.status).toBe(422);
    expect(bad.json.error?.message).toMatch(/^floor:/);
    const badCeiling = await call(patchRule, { method: "PATCH", token: manager.token, params: { id: rule.id }, body: { ceiling: 5 } });
    expect(badCeiling.json.error?.message).toMatch(/^ceiling:/);
    const ok = await call(patchRule, { method: "PATCH", token: manager.token, params: { id: rule.id }, body: { enabled: false, ceiling: null } });
    expect(ok.json).toMatchObject({ enabled: false, ceiling: null, floor: 10 });
    expect((await call(deleteRule, { method: "DELETE", token: manager.token, params: { id: rule.id } })).status).toBe(200);
    expect((await call(getRule, { token: manager.token, params: { id: rule.id } })).status).toBe(404);
    const audit = await db.auditLog.findMany({ where: { entityType: "repricer_rule", entityId: rule.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["repricer_rule.create", "repricer_rule.update", "repricer_rule.delete"]);
    expect(audit[1]!.oldValues).toEqual({ enabled: true, ceiling: 100 });
    expect(audit.every((a) => a.actorId === manager.user.id)).toBe(true);
  });
});

describe("buy_button: dry run, apply, outcome on eMAG", () => {
  let a: Awaited<ReturnType<typeof liveOffers>>[number];
  let b: typeof a;
  let rule: RuleJson;
  let floor: number;

  it("dry run lists old -> new with reasons and sends nothing", async () => {
    const picked = await liveOffers(2);
    a = picked[0]!;
    b = picked[1]!;
    const priceA = Number(a!.salePrice);
    const priceB = Number(b!.salePrice);
    // A: a competitor 5 % below us (we lose the buy button); B: one far below the floor we will set.
    await setCompetitors(a!.emagOfferId, [round4(priceA * 0.95), round4(priceA * 1.2)]);
    await setCompetitors(b!.emagOfferId, [round4(priceB * 0.5)]);
    await syncAndSettle();
    const stored = await db.emagProduct.findUniqueOrThrow({ where: { id: a!.id } });
    expect(stored.buyButtonRank).toBe(2);
    expect(Number(stored.bestOfferSalePrice)).toBeCloseTo(priceA * 0.95, 3);

    floor = round4(Math.min(priceA * 0.9, priceB * 0.8));
    const created = await call(createRule, {
      method: "POST", token: manager.token,
      body: { name: "Win the buy button", account: "main", strategy: "buy_button", step: 0.05, floor, ceiling: round4(Math.max(priceA, priceB) * 1.1), scope: { offer_ids: [a!.emagOfferId, b!.emagOfferId] } },
    });
    expect(created.status).toBe(201);
    rule = created.json as unknown as RuleJson;

    const before = await writeRequests();
    const res = await call(dryRun, { method: "POST", token: viewer.token, params: { id: rule.id }, path: "/x?pageSize=50" });
    expect(res.status).toBe(200);
    const plan = res.json as unknown as DryRunResult;
    expect(plan.summary).toMatchObject({ total: 2, change: 2 });
    expect(plan.limits.offers.truncated).toBe(false);
    expect(rowOf(plan, a!.id)).toMatchObject({ status: "change", would_change: true, clamped: false, current_price: priceA, target_price: round4(round4(priceA * 0.95) - 0.05), buy_button_rank: 2 });
    expect(rowOf(plan, a!.id).reason).toMatch(/Rank 2/);
    expect(rowOf(plan, b!.id)).toMatchObject({ status: "change", clamped: true, target_price: Math.max(floor, Number(b!.minSalePrice)) });
    expect(await writeRequests()).toBe(before);
    expect((await db.repricerRule.findUniqueOrThrow({ where: { id: rule.id } })).lastRunAt).toBeNull();
    // Paging and filters.
    const page = (await call(dryRun, { method: "POST", token: viewer.token, params: { id: rule.id }, path: "/x?pageSize=1&page=2&only=change" })).json as unknown as DryRunResult;
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.data).toHaveLength(1);
    expect((await call(dryRun, { method: "POST", token: viewer.token, params: { id: rule.id }, path: "/x?only=nope" })).status).toBe(400);
  });

  it("apply sends the plan as a repricer offer job (202); after the job and a product sync the offer holds rank 1 within bounds", async () => {
    expect((await call(applyRule, { method: "POST", token: viewer.token, params: { id: rule.id } })).status).toBe(403);
    const res = await call(applyRule, { method: "POST", token: manager.token, params: { id: rule.id } });
    expect(res.status).toBe(202);
    const out = res.json as unknown as ApplyResult;
    expect(out.job).toMatchObject({ total: 2 });
    await waitForOfferJobs();
    const job = await db.offerJob.findUniqueOrThrow({ where: { id: out.job!.id }, include: { items: true } });
    expect(job).toMatchObject({ kind: "repricer", status: "completed", applied: 2, createdById: manager.user.id });
    expect(["api", "user"]).toContain(job.triggeredBy);
    expect((job.spec as { rules: { id: string }[] }).rules.map((r) => r.id)).toEqual([rule.id]);
    expect((await db.repricerRule.findUniqueOrThrow({ where: { id: rule.id } })).lastRunAt).not.toBeNull();

    await syncAndSettle();
    const after = await db.emagProduct.findUniqueOrThrow({ where: { id: a!.id } });
    const price = Number(after.salePrice);
    expect(after.buyButtonRank).toBe(1);
    expect(price).toBeGreaterThanOrEqual(Math.max(floor, Number(after.minSalePrice)));
    expect(price).toBeLessThanOrEqual(Math.min(rule.ceiling!, Number(after.maxSalePrice)));
    expect((await competitors(a!.emagOfferId)).buy_button_rank).toBe(1);
    const afterB = await db.emagProduct.findUniqueOrThrow({ where: { id: b!.id } });
    expect(Number(afterB.salePrice)).toBe(Math.max(floor, Number(b!.minSalePrice))); // held at the floor, still losing: never below it
    // The run after that sync found nothing to change: A holds rank 1 (price kept), B sits on its floor.
    const jobs = await db.offerJob.count({ where: { kind: "repricer" } });
    expect(jobs).toBe(1);
  });

  it("after a product sync, a competitor that undercut us is answered by the repricer run the sync starts", async () => {
    const now = Number((await db.emagProduct.findUniqueOrThrow({ where: { id: a!.id } })).salePrice);
    const undercut = round4(Math.max(now * 0.97, floor + 1));
    await setCompetitors(a!.emagOfferId, [undercut]);
    await syncAndSettle(); // sync -> rank 2 -> repricer run (trigger product-sync) -> offer job
    const jobs = await db.offerJob.findMany({ where: { kind: "repricer" }, orderBy: { createdAt: "desc" } });
    expect(jobs).toHaveLength(2);
    expect(jobs[0]).toMatchObject({ triggeredBy: "repricer", createdById: null, status: "completed", applied: 1 });
    expect((jobs[0]!.spec as { trigger: string }).trigger).toBe("product-sync");
    expect(Number((await db.emagProduct.findUniqueOrThrow({ where: { id: a!.id } })).salePrice)).toBe(round4(undercut - 0.05));
    expect((await competitors(a!.emagOfferId)).buy_button_rank).toBe(1);
  });

  it("a rule with a lower priority number wins the offers both cover; offers with a change in flight are skipped", async () => {
    const winner = (await call(createRule, { method: "POST", token: manager.token, body: { name: "Winner", account: "main", strategy: "buy_button", priority: 1, enabled: true, scope: { offer_ids: [b!.emagOfferId] } } })).json as unknown as RuleJson;
    const busy = await db.offerJob.create({
      data: { kind: "single", status: "running", total: 1, items: { create: [{ productId: a!.id, account: "main", emagOfferId: a!.emagOfferId, seq: 1, batch: 1, route: "offer_save", before: {}, changes: { sale_price: 1 }, status: "sending" }] } },
    });
    const plan = (await call(dryRun, { method: "POST", token: manager.token, params: { id: rule.id } })).json as unknown as DryRunResult;
    expect(rowOf(plan, b!.id)).toMatchObject({ status: "skipped", rule_id: winner.id });
    expect(rowOf(plan, b!.id).reason).toContain('"Winner"');
    expect(rowOf(plan, a!.id)).toMatchObject({ status: "skipped", would_change: false });
    expect(rowOf(plan, a!.id).reason).toContain(busy.id);
    await db.offerJob.delete({ where: { id: busy.id } });
    await db.repricerRule.delete({ where: { id: winner.id } });
  });
});

describe("smart_deals", () => {
  it("targets eMAG's Smart Deals price, clamped into the bounds", async () => {
    const offers = (await liveOffers(40)).slice(2); // not A and B, which the buy_button rule owns
    let found: { id: string; offerId: string; target: number } | null = null;
    for (const o of offers) {
      const c = await competitors(o.emagOfferId);
      if (c.smart_deals_price !== null) { found = { id: o.id, offerId: o.emagOfferId, target: c.smart_deals_price }; break; }
    }
    expect(found, "an offer with a Smart Deals price").not.toBeNull();
    const rule = (await call(createRule, { method: "POST", token: manager.token, body: { name: "Deals", account: "main", strategy: "smart_deals", enabled: false, scope: { offer_ids: [found!.offerId] } } })).json as unknown as RuleJson;
    const plan = (await call(dryRun, { method: "POST", token: manager.token, params: { id: rule.id } })).json as unknown as DryRunResult;
    const row = rowOf(plan, found!.id);
    expect(row.smart_deals_price).toBe(found!.target);
    expect(row.reason).toMatch(/Smart Deals/);
    const lo = Number(row.min_sale_price ?? 0);
    expect(row.target_price).toBe(Math.max(lo, found!.target));
    expect(plan.limits.smart_deals).toMatchObject({ checked: 1, truncated: false });
  });
});
