// npm run cluster [-- --instances 2 --port 3000]
// N MagFlow instances (production build, server.ts) and a round-robin proxy in front of them, on
// the configured PostgreSQL (DATABASE_URL) and Redis (REDIS_URL): the same topology as
// docker-compose.yml, for machines without a Docker engine. The multi-instance tests use it.
//
// - Instance i listens on port + i (1-based); the proxy on `port`. Instances start one after the
//   other (the first applies migrations and creates the admin), then serve together.
// - Without eMAG credentials, one shared eMAG simulator runs in this process and every instance
//   points at it (EMAG_SIM_URL), so they all see the same demo marketplace.
// - A dead instance (crash, SIGKILL) is restarted after RESTART_DELAY_MS, as a process manager
//   would; SIGTERM/SIGINT here drains every instance (each gets SHUTDOWN_DRAIN_MS) and exits.
// - One JSON line `{"cluster":"ready",…}` on stdout tells the ports and pids (tests parse it).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startClusterProxy, type Upstream } from "@/lib/cluster/proxy";
import { env } from "@/lib/env";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RESTART_DELAY_MS = 1_000;

const e = env();
const instances = arg("instances", 2);
const port = arg("port", e.PORT);
if (!e.DATABASE_URL || !e.REDIS_URL) {
  console.error("npm run cluster needs DATABASE_URL and REDIS_URL: every instance must share one PostgreSQL and one Redis (see README, Deploy).");
  process.exit(1);
}
if (!Number.isInteger(instances) || instances < 1 || instances > 16) {
  console.error("--instances must be 1..16");
  process.exit(1);
}

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("no production build yet: running next build");
  const build = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// eslint-disable-next-line no-restricted-properties -- the supervisor hands its environment to the instances
const base: NodeJS.ProcessEnv = { ...process.env };
const publicUrl = e.PUBLIC_URL ?? `http://localhost:${port}`;
const shared: NodeJS.ProcessEnv = {
  NODE_ENV: "production",
  NEXTAUTH_SECRET: e.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
  NEXTAUTH_URL: e.NEXTAUTH_URL ?? publicUrl,
  PUBLIC_URL: publicUrl,
  TRUST_PROXY: "1",
};

let sim: { url: string; controlUrl: string; close(): Promise<void> } | undefined;
if (!e.EMAG_MAIN_USERNAME && !e.EMAG_FBE_USERNAME && !e.EMAG_SIM_URL) {
  const { startEmagSimulator } = await import("@/lib/emag/simulator/server");
  const { simulatorOptionsFromEnv } = await import("@/lib/emag/simulator/env-options");
  sim = await startEmagSimulator({ ...simulatorOptionsFromEnv(), port: 0 });
  shared.EMAG_SIM_URL = sim.url;
  console.log(`shared eMAG simulator on ${sim.url}`);
}

type Instance = Upstream & { child?: ChildProcess; stopping: boolean; restarts: number };
const nodes: Instance[] = Array.from({ length: instances }, (_, i) => ({ name: `app-${i + 1}`, host: "127.0.0.1", port: port + i + 1, stopping: false, restarts: 0 }));

function startInstance(n: Instance) {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: { ...base, ...shared, PORT: String(n.port), HOST: "127.0.0.1", INSTANCE_NAME: n.name },
    stdio: ["ignore", "pipe", "pipe"],
  });
  n.child = child;
  const prefix = (chunk: Buffer) => chunk.toString().split("\n").filter(Boolean).map((l) => `[${n.name}] ${l}\n`).join("");
  child.stdout!.on("data", (c: Buffer) => process.stdout.write(prefix(c)));
  child.stderr!.on("data", (c: Buffer) => process.stderr.write(prefix(c)));
  child.on("exit", (code, signal) => {
    console.log(JSON.stringify({ cluster: "exit", name: n.name, pid: child.pid, code, signal }));
    if (n.stopping) return;
    n.restarts++;
    setTimeout(() => {
      if (n.stopping) return;
      startInstance(n);
      void healthy(n).then(() => console.log(JSON.stringify({ cluster: "restarted", name: n.name, pid: n.child?.pid, port: n.port })));
    }, RESTART_DELAY_MS);
  });
}

async function healthy(n: Instance, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://${n.host}:${n.port}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (n.child?.exitCode !== null && n.child?.exitCode !== undefined) throw new Error(`${n.name} exited with ${n.child.exitCode} before it was healthy`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${n.name} was not healthy within ${timeoutMs / 1000} s`);
}

try {
  for (const n of nodes) {
    startInstance(n);
    await healthy(n);
  }
} catch (err) {
  console.error(String(err));
  for (const n of nodes) {
    n.stopping = true;
    n.child?.kill("SIGKILL");
  }
  await sim?.close();
  process.exit(1);
}
const proxy = await startClusterProxy({ port, upstreams: nodes });
console.log(JSON.stringify({ cluster: "ready", proxy: `http://127.0.0.1:${proxy.port}`, simulator: sim?.url, simulatorControl: sim?.controlUrl, instances: nodes.map((n) => ({ name: n.name, port: n.port, pid: n.child?.pid })) }));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await proxy.close();
  await Promise.all(
    nodes.map(
      (n) =>
        new Promise<void>((resolve) => {
          n.stopping = true;
          const c = n.child;
          if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once("exit", () => resolve());
          c.kill("SIGTERM");
        }),
    ),
  );
  await sim?.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
