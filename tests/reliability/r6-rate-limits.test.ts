// R6: 50 concurrent callers per account (MAIN and FBE at once) against the simulator at eMAG's real
// limits (3 req/s, 12 req/s for orders; not FAST_LIMITS). What must hold: the simulator answers no
// 429, read from its own /stats. With TEST_REDIS_URL, the same again from two processes (two
// instances) sharing one budget per account through Redis, 50 callers per account in each.
import { execFile } from "node:child_process";
import { appendFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { EmagClient } from "@/lib/emag/client";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { simClient, simStats, startTestSimulator } from "@/lib/emag/test-support";
import { env } from "@/lib/env";
import { resultRow, workerFile } from "./support/run-dir";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const redisUrl = env().TEST_REDIS_URL;
const CALLERS = 50;
const PER_CALLER = 2;
const row = resultRow("R6", "50 concurrent callers per account at eMAG's real limits");
const sims: EmagSimulator[] = [];

afterAll(async () => {
  row.report();
  await Promise.all(sims.map((s) => s.close()));
});

const simulator = async () => {
  const sim = await startTestSimulator({ products: { main: 20, fbe: 20 }, orders: 20 });
  sims.push(sim);
  return sim;
};

/** `callers` loops per client, `perCaller` requests each; every fifth caller uses the default bucket. */
async function drive(client: EmagClient, callers: number, perCaller: number) {
  let ok = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: callers }, async (_, i) => {
      for (let n = 0; n < perCaller; n++)
        await (i % 5 === 0 ? client.productOffer.count() : client.order.count()).then(() => ok++, () => failed++);
    }),
  );
  return { ok, failed };
}

function runWorker(args: object): Promise<{ ms: number; accounts: Record<string, { ok: number; failed: number; hits: number; store: string }> }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", path.join(here, "fixtures/budget-worker.ts"), JSON.stringify(args)], { timeout: 90_000, cwd: root }, (err, stdout, stderr) => {
      appendFileSync(workerFile("logs", "r6-worker"), `${stdout}${stderr}`);
      if (err) return reject(new Error(`worker failed: ${err.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split("\n").pop() ?? "{}"));
    });
  });
}

describe("R6 eMAG's rate limits under concurrency", () => {
  it("one process: 50 callers per account cause no 429", { timeout: 90_000 }, async () => {
    const sim = await simulator();
    // maxRetries 0: a 429 fails the call instead of being retried away.
    const clients = { main: simClient(sim, "main", { maxRetries: 0 }), fbe: simClient(sim, "fbe", { maxRetries: 0 }) };
    const t = Date.now();
    const [main, fbe] = await Promise.all([drive(clients.main, CALLERS, PER_CALLER), drive(clients.fbe, CALLERS, PER_CALLER)]);
    const secs = ((Date.now() - t) / 1000).toFixed(1);
    const stats = await simStats(sim);
    await Promise.all(Object.values(clients).map((c) => c.close()));
    const limited = (stats.rateLimited.main ?? 0) + (stats.rateLimited.fbe ?? 0);
    row.tried(`${CALLERS} callers × ${PER_CALLER} requests on MAIN and FBE (${stats.totals.requests} requests in ${secs} s)`);
    row.check("0 × 429 (one process)", limited === 0, `${limited} × 429 ${JSON.stringify(stats.rateLimited)}`);
    row.check("every call answered", main.failed + fbe.failed === 0 && main.ok + fbe.ok === 2 * CALLERS * PER_CALLER, JSON.stringify({ main, fbe }));
    expect(limited).toBe(0);
    expect(main.failed + fbe.failed).toBe(0);
  });

  it.skipIf(!redisUrl)("two processes sharing the budget through Redis: no 429", { timeout: 120_000 }, async () => {
    const sim = await simulator();
    const args = { baseUrl: sim.url, redisUrl, keyPrefix: `magflow-reliability:${randomUUID()}`, callers: CALLERS, perCaller: PER_CALLER };
    const [a, b] = await Promise.all([runWorker(args), runWorker(args)]);
    const stats = await simStats(sim);
    const limited = (stats.rateLimited.main ?? 0) + (stats.rateLimited.fbe ?? 0);
    const accounts = [a, b].flatMap((w) => Object.values(w.accounts));
    row.tried(`2 processes × ${CALLERS} callers × ${PER_CALLER} requests per account through Redis (${stats.totals.requests} requests in ${(Math.max(a.ms, b.ms) / 1000).toFixed(1)} s)`);
    row.check("0 × 429 (two processes, Redis)", limited === 0, `${limited} × 429 ${JSON.stringify(stats.rateLimited)}`);
    row.check("budget in Redis", accounts.every((x) => x.store === "redis"), JSON.stringify(accounts.map((x) => x.store)));
    row.check("every shared-budget call answered", accounts.every((x) => x.failed === 0), JSON.stringify(accounts));
    expect(limited).toBe(0);
    expect(accounts.every((x) => x.failed === 0 && x.store === "redis")).toBe(true);
  });

  it("reports", () => {
    if (!redisUrl) row.tried("Redis variant skipped (no TEST_REDIS_URL)");
    row.report("0 × 429 from the simulator");
  });
});
