// The real server (server.ts, production build) as a child process on a throwaway data folder:
// embedded PostgreSQL, the built-in eMAG simulator, free ports. Used by the browser suite's global
// setup and by tests that need a server of their own (e2e/first-start.e2e.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../lib/db/embedded";

const root = path.resolve(import.meta.dirname, "../..");

export interface AppProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  logs: string[];
  /** SIGTERM, SIGKILL after 15 s, then the data folder is removed. */
  stop(): Promise<void>;
}

/** Resolves once /api/health answers 200; throws if the process exits or the time runs out. */
export async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not become healthy in time");
}

/** Starts the server with these variables on top of the defaults; `healthy: false` returns at once. */
export async function startApp(env: Record<string, string>, opts: { healthy?: boolean; timeoutMs?: number } = {}): Promise<AppProcess> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "magflow-e2e-"));
  await chmod(dataDir, 0o755); // the embedded server runs as the "postgres" user when we are root
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logs: string[] = [];
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["server.ts"], {
    cwd: root,
    env: {
      // eslint-disable-next-line no-restricted-properties -- the child inherits PATH etc.
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      REDIS_URL: "",
      NEXTAUTH_URL: baseUrl,
      EMAG_SIM_PORT: String(await freePort()),
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => logs.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => logs.push(d.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => {
        const t = setTimeout(() => (child.kill("SIGKILL"), r(null)), 15_000);
        child.once("exit", () => (clearTimeout(t), r(null)));
      });
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  if (opts.healthy !== false) {
    try {
      await waitForHealth(baseUrl, child, opts.timeoutMs ?? 120_000);
    } catch (e) {
      console.error(logs.join("").slice(-5000));
      await stop();
      throw e;
    }
  }
  return { baseUrl, child, logs, stop };
}
