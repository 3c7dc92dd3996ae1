// npm run bench:startup — cold start time and RSS of the production server on embedded
// PostgreSQL: once on an empty data folder (first start: initdb, migrations, first admin, the demo's
// first imports: 6,000 orders and both catalogues) and once on the same folder again (restart).
// RSS is read when /api/health first answers and again once the first imports have ended (no
// product or order sync running), after a few seconds of quiet. Goals (issue 12): node < 400 MB,
// < 600 MB with embedded PostgreSQL, health < 5 s. Needs a production build (`npm run build`).
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/lib/db/embedded";

const root = path.resolve(import.meta.dirname, "..");
const ADMIN = { email: "bench@example.com", password: "bench-startup-password" };
if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

/**
 * RSS of a process and all its descendants (tsx runs node as a child; Postgres runs as children too).
 * pss: the proportional set size instead, which counts memory shared between processes (PostgreSQL's
 * shared buffers, mapped by every backend) once rather than once per process.
 */
function treeRss(pid: number, includeName?: (name: string) => boolean, pss = false): number {
  const children = new Map<number, number[]>();
  for (const d of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      const ppid = Number(readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      /* process gone */
    }
  }
  let total = 0;
  const walk = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      const name = status.match(/^Name:\s+(.+)$/m)?.[1] ?? "";
      if (!includeName || includeName(name))
        total += pss
          ? Number(readFileSync(`/proc/${p}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+)/m)?.[1] ?? 0) * 1024
          : Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0) * 1024;
    } catch {
      /* gone */
    }
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return total;
}

async function run(dataDir: string, label: string) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["server.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", EMAG_SIM_PORT: String(await freePort()), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, DATABASE_URL: "", REDIS_URL: "" }, // eslint-disable-line no-restricted-properties
    stdio: "ignore",
  });
  let healthMs = 0;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    if (performance.now() - t0 > 120_000) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 50));
  }
  healthMs = performance.now() - t0;
  const login = await fetch(`http://127.0.0.1:${port}/login`);
  const loginMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 1500));
  const isNode = (n: string) => n.startsWith("node") || n.startsWith("MainThread") || n === "tsx";
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
  const atHealth = { node: treeRss(child.pid!, isNode), all: treeRss(child.pid!), pss: treeRss(child.pid!, undefined, true) };
  // The demo's first imports: wait until no product or order sync runs (the first ones start at boot).
  const base = `http://127.0.0.1:${port}`;
  const token = ((await (await fetch(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) })).json()) as { access_token: string }).access_token;
  const running = async () => {
    const get = async (u: string) => ((await (await fetch(`${base}${u}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { is_running: boolean }).is_running;
    return (await get("/api/v1/emag/products/status")) || (await get("/api/v1/emag/orders/sync/status"));
  };
  const importStart = performance.now();
  while (await running()) {
    if (performance.now() - importStart > 300_000) throw new Error("first imports did not end");
    await new Promise((r) => setTimeout(r, 500));
  }
  const importMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 5000));
  const settled = { node: treeRss(child.pid!, isNode), all: treeRss(child.pid!), pss: treeRss(child.pid!, undefined, true) };
  await new Promise((r) => setTimeout(r, 15000));
  const later = { node: treeRss(child.pid!, isNode), all: treeRss(child.pid!), pss: treeRss(child.pid!, undefined, true) };
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  console.log(
    `${label.padEnd(28)} health ${(healthMs / 1000).toFixed(2)} s   /login ${login.status} at ${(loginMs / 1000).toFixed(2)} s   ` +
      `at health: node RSS ${mb(atHealth.node)}, with embedded Postgres ${mb(atHealth.all)} RSS / ${mb(atHealth.pss)} PSS   ` +
      `imports done at ${(importMs / 1000).toFixed(1)} s; 5 s later: node RSS ${mb(settled.node)}, with embedded Postgres ${mb(settled.all)} RSS / ${mb(settled.pss)} PSS; ` +
      `20 s later: node RSS ${mb(later.node)}, with embedded Postgres ${mb(later.all)} RSS / ${mb(later.pss)} PSS`,
  );
}

const dir = await mkdtemp(path.join(os.tmpdir(), "magflow-bench-"));
await chmod(dir, 0o755);
try {
  await run(dir, "first start (empty .data)");
  await run(dir, "restart (existing .data)");
} finally {
  await rm(dir, { recursive: true, force: true });
}
