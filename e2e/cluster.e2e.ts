// Two MagFlow instances behind the round-robin proxy of `npm run cluster`, on one PostgreSQL and
// one Redis, with one shared eMAG simulator (issue 12). Real server.ts processes of the
// production build, killed and stopped for real. Needs Redis (TEST_REDIS_URL); skipped without it.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres, type EmbeddedDb } from "../lib/db/embedded";

// eslint-disable-next-line no-restricted-properties -- test harness configuration
const redisUrl = process.env.TEST_REDIS_URL;
// eslint-disable-next-line no-restricted-properties
const pgServer = process.env.TEST_DATABASE_URL;
const root = path.resolve(import.meta.dirname, "..");
const ADMIN = { email: "cluster-admin@example.com", password: "cluster-admin-password" };
const DRAIN_MS = 20_000;

type Ready = { proxy: string; simulatorControl: string; instances: { name: string; port: number; pid: number }[] };
type Line = Record<string, unknown> & { msg?: string; cluster?: string };

describe.skipIf(!redisUrl)("two instances behind a proxy, one PostgreSQL, one Redis", () => {
  let child: ChildProcess;
  let ready: Ready;
  let embedded: EmbeddedDb | undefined;
  let tmp: string;
  let dbUrl: string;
  let sql: pg.Client;
  let token: string;
  const lines: { instance: string; line: Line }[] = [];
  const sockets: Socket[] = [];
  const waiters: (() => void)[] = [];

  const until = async <T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 60_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const v = await fn();
      if (v) return v;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const instance = (name: string) => ready.instances.find((i) => i.name === name)!;
  const api = async (base: string, method: string, url: string, body?: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown>, instance: res.headers.get("x-magflow-instance") };
  };
  const at = (name: string) => `http://127.0.0.1:${instance(name).port}`;
  const syncRow = async (id: string) =>
    (await sql.query<{ status: string; errors: unknown }>("SELECT status, errors FROM sync_logs WHERE id = $1", [id])).rows[0];
  /** Live offers per account (the simulator serves 3,000 per account). */
  const catalogue = async () =>
    Object.fromEntries(
      (await sql.query<{ account: string; n: number }>("SELECT account::text, count(*)::int AS n FROM emag_products WHERE removed_at IS NULL GROUP BY account ORDER BY account")).rows.map((r) => [r.account, r.n]),
    );
  const idle = async () => (await sql.query("SELECT 1 FROM sync_logs WHERE status = 'running'")).rowCount === 0;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "magflow-cluster-"));
    await chmod(tmp, 0o755);
    let serverUrl = pgServer;
    if (!serverUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: tmp, persistent: false });
      serverUrl = embedded.url;
    }
    const name = `magflow_cluster_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    dbUrl = u.toString();

    const port = await freePort();
    child = spawn(process.execPath, ["--import", "tsx", "scripts/cluster.ts", "--instances", "2", "--port", String(port)], {
      cwd: root,
      env: {
        // eslint-disable-next-line no-restricted-properties -- PATH and friends
        ...process.env,
        DATABASE_URL: dbUrl,
        REDIS_URL: redisUrl,
        DATA_DIR: tmp,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        LOG_LEVEL: "info",
        ORDERS_AUTO_ACKNOWLEDGE: "0",
        DEMO_FIRST_SYNC: "0",
        EMAG_SIM_NEW_ORDERS_PER_MINUTE: "0",
        EMAG_SIM_ORDERS: "200",
        EMAG_SIM_PRODUCTS_MAIN: "3000",
        EMAG_SIM_PRODUCTS_FBE: "3000",
        EMAG_SIM_LATENCY_MS: "150-300",
        SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
        // A health-check tick every 3 s, so "one run per tick" is seen many times in seconds.
        JOBS_CRON_OVERRIDES: "system-health-check=*/3 * * * * *",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let buffered = "";
    const onData = (d: Buffer) => {
      buffered += d.toString();
      const parts = buffered.split("\n");
      buffered = parts.pop() ?? "";
      for (const raw of parts) {
        const m = /^\[(app-\d+)\] (.*)$/.exec(raw);
        const text = m ? m[2]! : raw;
        try {
          const line = JSON.parse(text) as Line;
          lines.push({ instance: m ? m[1]! : "cluster", line });
          if (line.cluster === "ready") ready = line as unknown as Ready;
        } catch {
          /* not JSON (next's own output) */
        }
      }
      waiters.splice(0).forEach((w) => w());
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    await until("the cluster to be ready", () => ready, 240_000);
    sql = new pg.Client({ connectionString: dbUrl });
    await sql.connect();
    const login = await fetch(`${ready.proxy}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) });
    token = ((await login.json()) as { access_token: string }).access_token;
    expect(token).toBeTruthy();
    // The boot syncs (each instance's first order sync) settle before the tests start theirs.
    await until("the boot syncs to end", idle, 120_000);
  }, 300_000);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await sql?.end();
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 60_000))]);
      child.kill("SIGKILL");
    }
    if (embedded) await embedded.stop();
    await rm(tmp, { recursive: true, force: true });
  }, 120_000);

  it("the proxy spreads requests over both instances", async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) seen.add((await api(ready.proxy, "GET", "/api/v1/me")).instance ?? "");
    expect([...seen].sort()).toEqual(["app-1", "app-2"]);
  });

  it("a client on B receives order:new for an order that A synced", async () => {
    const s = connect(at("app-2"), { transports: ["websocket"], reconnection: false, forceNew: true, auth: { token } });
    sockets.push(s);
    await new Promise<void>((resolve, reject) => (s.once("connect", () => resolve()), s.once("connect_error", reject)));
    expect(await s.emitWithAck("subscribe", ["orders"])).toMatchObject({ ok: true });
    const received: { emagOrderId: string }[] = [];
    s.on("order:new", (e: { emagOrderId: string }) => received.push(e));

    const injected = (await (await fetch(`${ready.simulatorControl}/orders`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ account: "main", count: 1 }) })).json()) as { ids: (number | string)[] };
    const id = String(injected.ids[0]);
    const started = await api(at("app-1"), "POST", "/api/v1/emag/orders/sync", { account_type: "main", mode: "incremental" });
    expect(started.status).toBe(202);
    await until("order:new on B", () => received.some((e) => e.emagOrderId === id), 60_000);
    await until("idle", idle);
  });

  it("a cron tick runs once across both instances", async () => {
    await until("both schedulers", () => lines.filter((l) => l.line.msg === "in-process scheduler started").length >= 2);
    await new Promise((r) => setTimeout(r, 15_000));
    const claims = lines.filter((l) => l.line.msg === "scheduled tick claimed" && l.line.job === "system-health-check");
    const byTick = new Map<string, string[]>();
    for (const c of claims) byTick.set(String(c.line.tick), [...(byTick.get(String(c.line.tick)) ?? []), c.instance]);
    expect(byTick.size).toBeGreaterThanOrEqual(4);
    expect([...byTick.values()].filter((holders) => holders.length !== 1)).toEqual([]);
    // Both instances fire the schedule; each tick went to whichever claimed it first.
    const holders = new Set(claims.map((c) => c.instance));
    expect(holders.size).toBeGreaterThanOrEqual(1);
  });

  it("SIGKILL of A mid-sync leaves B's sync untouched, and A's sync is failed within the heartbeat bound", async () => {
    const a = await api(at("app-1"), "POST", "/api/v1/emag/products/sync", { account_type: "main", mode: "full" });
    const b = await api(at("app-2"), "POST", "/api/v1/emag/products/sync", { account_type: "fbe", mode: "full" });
    expect([a.status, b.status]).toEqual([202, 202]);
    const aId = String(a.body.sync_id);
    const bId = String(b.body.sync_id);
    // Mid-sync: A has written some offers of MAIN.
    await until("A's sync under way", async () => (await sql.query("SELECT 1 FROM emag_products WHERE account = 'main' LIMIT 1")).rowCount === 1, 60_000);
    const killedAt = Date.now();
    process.kill(instance("app-1").pid, "SIGKILL");
    const failed = await until("A's sync failed by heartbeat", async () => ((await syncRow(aId))?.status === "failed" ? Date.now() : undefined), 60_000);
    // The bound: 3 missed 2-second beats plus one 5-second recovery pass, with slack for a loaded machine.
    expect(failed - killedAt).toBeLessThan(30_000);
    const bEnd = await until("B's sync to end", async () => {
      const r = await syncRow(bId);
      return r && r.status !== "running" ? r : undefined;
    }, 120_000);
    expect(bEnd.status).toBe("completed");
    // The supervisor restarts A; a new full sync of MAIN completes, without duplicates.
    await until("A restarted", () => lines.some((l) => l.line.cluster === "restarted" && l.line.name === "app-1"), 240_000);
    ready.instances = ready.instances.map((i) => (i.name === "app-1" ? { ...i, pid: Number(lines.findLast((l) => l.line.cluster === "restarted" && l.line.name === "app-1")!.line.pid) } : i));
    const again = await api(ready.proxy, "POST", "/api/v1/emag/products/sync", { account_type: "main", mode: "full" });
    expect(again.status).toBe(202);
    const end = await until("the new MAIN sync", async () => {
      const r = await syncRow(String(again.body.sync_id));
      return r && r.status !== "running" ? r : undefined;
    }, 120_000);
    expect(end.status).toBe("completed");
    // Exactly the simulator's catalogue per account: no duplicates, nothing half-written or lost.
    expect(await catalogue()).toEqual({ fbe: 3000, main: 3000 });
  });

  it("SIGTERM during a sync: A exits within the drain bound and the sync completes, without duplicates", async () => {
    await until("idle", idle);
    const a = await api(at("app-1"), "POST", "/api/v1/emag/products/sync", { account_type: "main", mode: "full" });
    expect(a.status).toBe(202);
    const id = String(a.body.sync_id);
    await until("A's sync under way", async () => (await sql.query("SELECT 1 FROM sync_logs WHERE id = $1 AND heartbeat_at IS NOT NULL", [id])).rowCount === 1);
    const pid = instance("app-1").pid;
    const sentAt = Date.now();
    process.kill(pid, "SIGTERM");
    const exit = await until("A to exit", () => lines.find((l) => l.line.cluster === "exit" && l.line.pid === pid), 90_000);
    expect(Date.now() - sentAt).toBeLessThan(DRAIN_MS + 15_000);
    expect(exit.line.code).toBe(0);
    const end = await until("the sync to end", async () => {
      const r = await syncRow(id);
      return r && r.status !== "running" ? r : undefined;
    }, 120_000);
    expect(end.status).toBe("completed");
    expect(await catalogue()).toEqual({ fbe: 3000, main: 3000 });
  });
});
