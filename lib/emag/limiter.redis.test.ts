// Two processes sharing one account's budget through Redis must together stay inside eMAG's limits.
// Runs when TEST_REDIS_URL (or REDIS_URL) is configured; CI sets TEST_REDIS_URL.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import type { EmagSimulator } from "./simulator";
import { simStats, startTestSimulator } from "./test-support";

const redisUrl = env().TEST_REDIS_URL ?? env().REDIS_URL;
const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = path.resolve(here, "../../node_modules/.bin/tsx");
const worker = path.join(here, "test-fixtures/shared-budget-worker.ts");

type WorkerResult = { failures: number; ms: number; store: string; hits: number };

function runWorker(args: object): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    execFile(tsx, [worker, JSON.stringify(args)], { timeout: 60_000, cwd: path.resolve(here, "../..") }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`worker failed: ${err.message}\n${stderr}`));
      const line = stdout.trim().split("\n").pop() ?? "";
      resolve(JSON.parse(line) as WorkerResult);
    });
  });
}

describe.skipIf(!redisUrl)("rate limiter shared through Redis", () => {
  let sim: EmagSimulator | undefined;
  afterAll(async () => {
    await sim?.close();
  });

  it("two client processes on one account cause zero 429s together", { timeout: 60_000 }, async () => {
    sim = await startTestSimulator({ products: { main: 20, fbe: 5 }, orders: 20 });
    const args = { baseUrl: sim.url, redisUrl, keyPrefix: `magflow-test:${randomUUID()}`, orders: 18, products: 4 };
    const [a, b] = await Promise.all([runWorker(args), runWorker(args)]);
    const stats = await simStats(sim);
    expect(stats.rateLimited.main ?? 0).toBe(0);
    expect([a.failures, b.failures, a.hits, b.hits]).toEqual([0, 0, 0, 0]);
    expect([a.store, b.store]).toEqual(["redis", "redis"]);
    expect(stats.requests.main?.["order/count"]).toBe(36);
    expect(stats.requests.main?.["product_offer/count"]).toBe(8);
  });
});
