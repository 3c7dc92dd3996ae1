// npm run bench:emag [-- --seconds 15]
// Achieved eMAG request rate against the budget ceiling (products 3 req/s, orders 12 req/s), with
// the in-process simulator at 0 ms and at 3000-4000 ms latency. Callers run concurrently, so the
// latency overlaps instead of serialising; the client's limiter is what bounds the rate.
import { setMaxListeners } from "node:events";
import { simClient, simStats, startTestSimulator } from "@/lib/emag/test-support";
import type { CallOptions } from "@/lib/emag/types";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg("seconds", 15);

type Row = { case: string; latency: string; callers: number; completed: number; rate: number; ceiling: number; p50: number; hits: number };

/**
 * Runs `callers` loops for `ms`. The rate is measured where eMAG would count it, at the simulator:
 * requests it received between a sample taken after a warm-up second and one taken at the end.
 */
async function drive(call: (o: CallOptions) => Promise<unknown>, served: () => number, callers: number, ms: number) {
  const stop = new AbortController();
  setMaxListeners(0, stop.signal);
  const latencies: number[] = [];
  let first = { t: 0, n: 0 };
  let last = { t: 0, n: 0 };
  setTimeout(() => (first = { t: performance.now(), n: served() }), 1000);
  await Promise.all([
    new Promise((r) => setTimeout(() => ((last = { t: performance.now(), n: served() }), stop.abort(), r(null)), ms)),
    ...Array.from({ length: callers }, async () => {
      while (!stop.signal.aborted) {
        const t = performance.now();
        try {
          await call({ signal: stop.signal });
          latencies.push(performance.now() - t);
        } catch (e) {
          if (!stop.signal.aborted) throw e;
        }
      }
    }),
  ]);
  latencies.sort((a, b) => a - b);
  const rate = ((last.n - first.n) * 1000) / (last.t - first.t);
  return { completed: latencies.length, rate, p50: latencies[Math.floor(latencies.length / 2)] ?? 0 };
}

async function runLatency(latencyMs: string): Promise<Row[]> {
  const sim = await startTestSimulator({ latencyMs, products: { main: 1275, fbe: 10 }, orders: 3000 });
  const client = simClient(sim, "main", { timeoutMs: 30_000 });
  try {
    // Products and orders have separate budgets, so both run at once.
    const served = (route: string) => () => sim.state.stats.requests.main?.[route] ?? 0;
    const [products, orders] = await Promise.all([
      drive((o) => client.productOffer.read({ itemsPerPage: 100 }, o), served("product_offer/read"), 50, seconds * 1000),
      drive((o) => client.order.read({ itemsPerPage: 100 }, o), served("order/read"), 100, seconds * 1000),
    ]);
    const hits = (await simStats(sim)).rateLimited.main ?? 0;
    const label = latencyMs === "0" ? "0 ms" : `${latencyMs} ms`;
    return [
      { case: "products  product_offer/read", latency: label, callers: 50, ...products, ceiling: 3, hits },
      { case: "orders    order/read", latency: label, callers: 100, ...orders, ceiling: 12, hits },
    ];
  } finally {
    await client.close();
    await sim.close();
  }
}

console.log(`eMAG client throughput vs budget ceiling (${seconds} s per case, simulator in-process)\n`);
const rows = [...(await runLatency("0")), ...(await runLatency("3000-4000"))];
const header = ["case", "latency", "callers", "completed", "req/s", "ceiling", "% of ceiling", "p50 wait+call ms", "429s"];
const lines = rows.map((r) => [r.case, r.latency, String(r.callers), String(r.completed), r.rate.toFixed(2), String(r.ceiling), `${((r.rate / r.ceiling) * 100).toFixed(1)} %`, r.p50.toFixed(0), String(r.hits)]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
const fmt = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
console.log(fmt(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const l of lines) console.log(fmt(l));
console.log("\nreq/s: requests the simulator received per second after a 1 s warm-up (where eMAG counts them).");
console.log("completed: calls that returned before the run stopped; p50 includes the wait for a budget slot.");
console.log("429s: the simulator's count per latency run, both buckets together.");
