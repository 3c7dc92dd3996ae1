// npm run bench:realtime [-- --clients 1000 --seconds 15 --rate 4]
// Server-to-client latency of `order:new` and `sync:progress` with 1,000 connected Socket.IO
// clients (socket.io-client, websocket transport, one connection each, every one authenticated by
// its own bearer token through the real handshake middleware against a throwaway database, then
// subscribed to "orders" and "sync" the way the browser does). Each instance is the real
// attachRealtime() (lib/realtime/server.ts) on a node:http server in its own child process; the
// Redis cases give it the real adapter (lib/realtime/adapter.ts) on REDIS_URL's server (default
// redis://127.0.0.1:6379), on a channel prefix of this run's own. The clients run in this process,
// so no server shares an event loop with them (but the 1,000 clients share one: the k-th delivery
// of an emit waits for the k-1 before it, which 1,000 browsers would not; "first client of each
// emit" and the clients' event-loop load are printed to show how much that adds). Goal: p99 < 50 ms.
// Cases: one instance without Redis (the default); one instance with the adapter; two instances
// with the emits on A and every client on B; two instances with the clients split across both.
// Each emit carries its send time (performance.timeOrigin + performance.now() in the emitting
// process); this process corrects for the clock offset to each child, measured over IPC pings.
import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { io as connect, type Socket } from "socket.io-client";
import { env, resetEnvForTests } from "@/lib/env";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type ToChild = { cmd: "ping"; id: number } | { cmd: "emit"; seconds: number; rate: number } | { cmd: "exit" };
type FromChild = { port: number } | { pong: number; at: number } | { emitted: number };

/** Child mode: one instance (attachRealtime on node:http, with the Redis adapter when a URL is given). */
async function serve(databaseUrl: string, redisUrl: string, key: string) {
  resetEnvForTests({ DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", NEXTAUTH_SECRET: randomBytes(16).toString("hex") });
  const { attachRealtime } = await import("@/lib/realtime/server");
  const { realtimeRedis } = await import("@/lib/realtime/adapter");
  const { emit } = await import("@/lib/realtime/emit");
  const redis = redisUrl === "-" ? undefined : await realtimeRedis(redisUrl, { key });
  const server = http.createServer();
  attachRealtime(server, { adapter: redis?.adapter });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const send = (m: FromChild) => process.send!(m);
  process.on("message", (m: ToChild) => {
    if (m.cmd === "ping") return send({ pong: m.id, at: now() });
    if (m.cmd === "exit") return void (redis ? redis.close() : Promise.resolve()).finally(() => process.exit(0));
    // Alternating order:new and sync:progress, `rate` a second, each stamped with its send time.
    let seq = 0;
    const total = Math.round(m.seconds * m.rate);
    const timer = setInterval(() => {
      const stamp = `${seq}:${now().toFixed(3)}`;
      if (seq % 2 === 0) {
        emit("order:new", { id: stamp, account: "main", emagOrderId: String(3_000_000_000 + seq), status: 1, customerName: "Ana Pop", total: 249.9, currency: "RON" });
      } else {
        emit("sync:progress", {
          syncId: stamp, account: "main", page: seq, totalPages: 1000, processed: seq * 100, total: 100_000, percent: seq / 10, itemsPerSecond: 271, etaSeconds: 360, operation: "products",
        });
      }
      if (++seq >= total) {
        clearInterval(timer);
        send({ emitted: seq });
      }
    }, 1000 / m.rate);
  });
  send({ port: (server.address() as AddressInfo).port });
}

/** A child instance, with its clock offset to this process (min-RTT of 30 IPC pings). */
async function instance(databaseUrl: string, redisUrl: string | null, key: string) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "realtime.ts"), "--serve", databaseUrl, redisUrl ?? "-", key], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting: Array<{ resolve: (m: FromChild) => void; reject: (e: Error) => void }> = [];
  child.on("message", (m: FromChild) => waiting.shift()?.resolve(m));
  child.once("exit", (code) => waiting.splice(0).forEach((w) => w.reject(new Error(`instance exited (${code})`))));
  const next = () => new Promise<FromChild>((resolve, reject) => void waiting.push({ resolve, reject }));
  const { port } = (await next()) as { port: number };
  let best = { rtt: Infinity, offset: 0 };
  for (let id = 0; id < 30; id++) {
    const t0 = now();
    child.send({ cmd: "ping", id } satisfies ToChild);
    const { at } = (await next()) as { pong: number; at: number };
    const t1 = now();
    if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: at - (t0 + t1) / 2 };
  }
  return {
    url: `http://127.0.0.1:${port}`,
    /** Child clock minus ours. */
    offset: best.offset,
    emit: async (seconds: number, rate: number) => {
      const done = next();
      child.send({ cmd: "emit", seconds, rate } satisfies ToChild);
      return ((await done) as { emitted: number }).emitted;
    },
    stop: () =>
      new Promise<void>((r) => {
        if (child.exitCode !== null || child.signalCode !== null) return r();
        const kill = setTimeout(() => child.kill(), 5_000);
        child.once("exit", () => (clearTimeout(kill), r()));
        child.send({ cmd: "exit" } satisfies ToChild);
      }),
  };
}
type Instance = Awaited<ReturnType<typeof instance>>;

type Samples = { order: number[]; sync: number[]; firstByEmit: Map<number, number> };

/** Opens one websocket connection per token (100 handshakes at a time), each subscribed to orders and sync. */
async function openClients(targets: Array<{ inst: Instance; token: string }>, offsets: Map<string, number>, samples: Samples) {
  const sockets: Socket[] = [];
  const record = (list: number[], stamp: string) => {
    const at = now();
    const [seq, sent] = stamp.split(":");
    const origin = Number(sent) - (offsets.get("emitter") ?? 0);
    list.push(at - origin);
    const s = Number(seq);
    if (!samples.firstByEmit.has(s)) samples.firstByEmit.set(s, at - origin);
  };
  for (let i = 0; i < targets.length; i += 100) {
    await Promise.all(
      targets.slice(i, i + 100).map(async ({ inst, token }) => {
        const s = connect(inst.url, { transports: ["websocket"], forceNew: true, reconnection: false, auth: { token } });
        sockets.push(s);
        await new Promise<void>((resolve, reject) => {
          s.once("connect", () => resolve());
          s.once("connect_error", (e) => reject(e));
        });
        const ack = await s.emitWithAck("subscribe", ["orders", "sync"]);
        if (!ack.ok) throw new Error(`subscribe refused: ${ack.error}`);
        s.on("order:new", (p: { id: string }) => record(samples.order, p.id));
        s.on("sync:progress", (p: { syncId: string }) => record(samples.sync, p.syncId));
      }),
    );
  }
  return sockets;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (xs: number[], expected: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const f = (v: number) => v.toFixed(1).padStart(6);
  const lost = expected - xs.length;
  return `p50 ${f(pct(s, 50))} ms  p95 ${f(pct(s, 95))} ms  p99 ${f(pct(s, 99))} ms  max ${f(s[s.length - 1] ?? NaN)} ms  (${xs.length.toLocaleString("en")} deliveries${lost ? `, ${lost} missing` : ", none missing"})  p99 < 50 ms: ${pct(s, 99) < 50 ? "met" : "NOT met"}`;
};

async function main() {
  const clients = arg("clients", 1000);
  const seconds = arg("seconds", 15);
  // Emits a second, alternating the two events: a running product sync sends ~3 progress events a
  // second (a page of 100 at ~271 items/s), orders arrive far more rarely; 4/s is a busy minute.
  const rate = arg("rate", 4);
  const loadBefore = os.loadavg()[0]!;
  resetEnvForTests({ LOG_LEVEL: "silent" });
  const redisUrl = env().REDIS_URL ?? "redis://127.0.0.1:6379";
  const { throwawayDatabase } = await import("./support");
  const database = await throwawayDatabase();
  const { migrateDeploy } = await import("@/lib/db/migrate");
  await migrateDeploy(database.url);
  resetEnvForTests({ DATABASE_URL: database.url });
  const instances: Instance[] = [];
  try {
    // 20 viewers with 50 tokens each: 1,000 distinct credentials, as 1,000 browser tabs would be.
    const { createUser } = await import("@/lib/users/service");
    const { issueToken } = await import("@/lib/auth/tokens");
    const tokens: string[] = [];
    const users = Math.max(1, Math.ceil(clients / 50));
    for (let u = 0; u < users; u++) {
      const user = await createUser({ email: `bench-${u}@example.com`, name: `Bench ${u}`, password: "bench-password-1", role: "viewer" }, null);
      for (let t = 0; t < 50 && tokens.length < clients; t++) tokens.push((await issueToken(user.id, { name: `tab ${t}`, kind: "api" })).token);
    }
    const key = `magflow-bench:socket.io:${randomBytes(4).toString("hex")}`;
    const solo = await instance(database.url, null, key);
    instances.push(solo);
    const [a, b] = [await instance(database.url, redisUrl, key), await instance(database.url, redisUrl, key)];
    instances.push(a, b);

    const cases: Array<{ name: string; emitter: Instance; on: (i: number) => Instance }> = [
      { name: "one instance, no Redis (default)", emitter: solo, on: () => solo },
      { name: "one instance with the Redis adapter", emitter: a, on: () => a },
      { name: "two instances via Redis: emit on A, all clients on B", emitter: a, on: () => b },
      { name: "two instances via Redis: emit on A, clients split A/B", emitter: a, on: (i) => (i % 2 ? b : a) },
    ];
    const lines: string[] = [];
    for (const c of cases) {
      const samples: Samples = { order: [], sync: [], firstByEmit: new Map() };
      const t = Date.now();
      const sockets = await openClients(tokens.map((token, i) => ({ inst: c.on(i), token })), new Map([["emitter", c.emitter.offset]]), samples);
      const connectMs = Date.now() - t;
      await sleep(500);
      const elu = performance.eventLoopUtilization();
      const emitted = await c.emitter.emit(seconds, rate);
      await sleep(1000); // the last deliveries
      const busy = performance.eventLoopUtilization(elu).utilization;
      sockets.forEach((s) => s.close());
      const perEvent = { order: Math.ceil(emitted / 2), sync: Math.floor(emitted / 2) };
      const first = [...samples.firstByEmit.values()].sort((x, y) => x - y);
      lines.push(
        `${c.name}: ${clients} clients connected + subscribed in ${(connectMs / 1000).toFixed(1)} s; ${emitted} emits in ${seconds} s (${rate}/s)`,
        `  order:new      ${fmt(samples.order, perEvent.order * clients)}`,
        `  sync:progress  ${fmt(samples.sync, perEvent.sync * clients)}`,
        `  first client of each emit: p50 ${pct(first, 50).toFixed(1)} ms, p99 ${pct(first, 99).toFixed(1)} ms; the clients' event loop was busy ${(busy * 100).toFixed(0)} % of the time`,
      );
      console.log(lines.slice(-4).join("\n"));
      await sleep(1000); // the server side of the closed sockets
    }
    console.log(`\nSocket.IO server-to-client latency, ${clients} clients (websocket, bearer token each), ${seconds} s per case, ${rate} emits/s alternating order:new and sync:progress`);
    for (const l of lines) console.log(l);
    console.log(`  (${os.cpus().length} CPU cores shared by the instances (one child process each), Redis, PostgreSQL and the clients (this process); load average before the run ${loadBefore.toFixed(1)})`);
    console.log(`  clock offsets to the instances (IPC-measured, corrected): ${instances.map((i) => `${i.offset.toFixed(3)} ms`).join(", ")}`);
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
    await database.drop();
  }
}

if (process.argv[2] === "--serve") await serve(process.argv[3]!, process.argv[4]!, process.argv[5]!);
else await main();
