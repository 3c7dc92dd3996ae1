// R2b: the server is SIGKILLed in the middle of a bulk price change (eMAG's real budget, latency,
// 15 % lost responses), then restarted. What must hold: the restarted server resumes the job; every
// item ends applied (or failed, and "retry failed" finishes it), each offer is applied on eMAG
// exactly once (the simulator's write counter), and the stored prices equal eMAG's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { simControl, simStats } from "@/lib/emag/test-support";
import { env } from "@/lib/env";
import { retryJob } from "@/lib/offers/service";
import { waitForOfferJobs } from "@/lib/offers/runner";
import { syncProductsNow } from "@/lib/sync/service";
import { startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";
import { resultRow } from "./support/run-dir";
import { killWorkers, spawnWorker, until } from "./support/worker";

useIsolatedDatabase();

const row = resultRow("R2b", "SIGKILL mid offer job, restart");
let sim: EmagSimulator;
let stopClients: () => Promise<void>;

beforeAll(async () => {
  sim = await startFastSimulator({ products: { main: 900, fbe: 0 } });
  stopClients = useFastSyncClients(sim);
  await syncProductsNow({ account_type: "main", mode: "full" }, { triggeredBy: "user" });
}, 60_000);
afterAll(async () => {
  row.report();
  killWorkers();
  await waitForOfferJobs();
  await stopClients();
  await sim?.close();
});

const worker = (phase: "job" | "restart", ids: string[] = []) =>
  spawnWorker("offer-worker.ts", `r8-${phase}`, { databaseUrl: env().DATABASE_URL, simUrl: sim.url, phase, ids });

describe("R2b a server killed mid offer job", () => {
  it("resumes the job at the next boot; every offer applied exactly once", { timeout: 120_000 }, async () => {
    const offers = await db.$queryRaw<{ id: string; emag_offer_id: string; sale_price: number }[]>`
      SELECT id::text AS id, emag_offer_id, sale_price::float8 AS sale_price FROM emag_products
      WHERE account = 'main' AND sale_price + 1 < max_sale_price AND (recommended_price IS NULL OR recommended_price > sale_price + 1)
      ORDER BY emag_offer_id LIMIT 600`;
    await simControl(sim, "config", { latencyMs: 400, lostWriteRate: 0.15 });
    await simControl(sim, "stats/reset");
    const first = worker("job", offers.map((o) => o.id));
    const { job } = (await first.nextResult(30_000)) as { job: string };
    const applied = () => db.offerJobItem.count({ where: { jobId: job, status: "applied" } });
    await until(async () => (await applied()) >= 100, 60_000, "the job applying items");
    first.child.kill("SIGKILL");
    await first.exited;
    const atKill = await db.offerJobItem.groupBy({ by: ["status"], where: { jobId: job }, _count: { _all: true } });
    const states = Object.fromEntries(atKill.map((s) => [s.status, s._count._all]));
    row.tried(`1 kill with ${JSON.stringify(states)} of ${offers.length} items`);
    row.check("killed mid-job", (states.applied ?? 0) < offers.length, JSON.stringify(states));

    await simControl(sim, "config", { latencyMs: 0 });
    const second = worker("restart");
    const outcome = (await second.nextResult(90_000)) as { resumed: string[] };
    await second.exited;
    row.check("resumed by the restarted server", outcome.resumed.includes(job), JSON.stringify(outcome.resumed));
    let ended = await db.offerJob.findUniqueOrThrow({ where: { id: job } });
    let retried = 0;
    if (ended.failed > 0) {
      retried = ended.failed;
      await retryJob(job, { userId: null, triggeredBy: "api" }, null);
      await waitForOfferJobs();
      ended = await db.offerJob.findUniqueOrThrow({ where: { id: job } });
    }
    row.tried(`1 restart (recoverOfferJobs)${retried ? `, retry of ${retried} failed items` : ""}; ${(await simStats(sim)).writes.main.lost} lost responses`);
    const items = await db.offerJobItem.findMany({ where: { OR: [{ jobId: job }, { job: { parentJobId: job } }] } });
    const open = items.filter((i) => ["pending", "sending"].includes(i.status));
    row.check("no item left without a verdict", open.length === 0, `${open.length}`);
    const { writes } = await simStats(sim);
    const counts = offers.map((o) => writes.main.perOffer[o.emag_offer_id] ?? 0);
    const twice = counts.filter((n) => n > 1).length;
    const never = counts.filter((n) => n === 0).length;
    row.check("every offer applied exactly once on eMAG", twice === 0 && never === 0, `${twice} twice, ${never} never`);
    const stored = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM emag_products WHERE id = ANY(${offers.map((o) => o.id)}::uuid[])`;
    const mismatched = offers.filter((o) => Math.abs(sim.state.accounts.main.offerById.get(Number(o.emag_offer_id))!.salePrice - (o.sale_price + 1)) > 1e-6).length;
    row.check("eMAG holds every new price", mismatched === 0 && stored[0]!.n === offers.length, `${mismatched} mismatched`);
    row.report(`job resumed after the kill, ${offers.length} offers applied exactly once${retried ? ` (${retried} via retry failed)` : ""}`);
    expect(row.failures()).toEqual([]);
  });
});
