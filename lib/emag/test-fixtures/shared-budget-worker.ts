// Child process for the shared-budget test: one client on the simulator's MAIN account whose
// budget lives in Redis. Arguments come as one JSON string (argv[2]); the result is one JSON line.
import { createEmagClient } from "../client";

type Args = { baseUrl: string; redisUrl: string; keyPrefix: string; orders: number; products: number };
const args = JSON.parse(process.argv[2] ?? "{}") as Args;

const client = createEmagClient({
  kind: "main",
  baseUrl: args.baseUrl,
  username: "demo-main",
  password: "demo-main-pass",
  maxRetries: 0, // a 429 must fail loudly here, not be retried away
  limiter: { redis: args.redisUrl, keyPrefix: args.keyPrefix },
});
await client.ready();
const started = Date.now();
let failures = 0;
const calls = [
  ...Array.from({ length: args.orders }, () => client.order.count()),
  ...Array.from({ length: args.products }, () => client.productOffer.count()),
].map((p) => p.catch(() => void failures++));
await Promise.all(calls);
const usage = client.usage();
console.log(JSON.stringify({ failures, ms: Date.now() - started, store: usage.store, hits: usage.buckets.orders.rateLimitHits + usage.buckets.default.rateLimitHits }));
await client.close();
