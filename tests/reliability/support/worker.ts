// Child processes for the crash tests: a real Node process running app code (a fixture under
// fixtures/), its stdout/stderr kept in the run directory for R7, and "RESULT <json>" lines read
// back as results.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { workerFile } from "./run-dir";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const children = new Set<ChildProcess>();

/** Kills every worker still running (afterAll). */
export const killWorkers = () => children.forEach((c) => c.kill("SIGKILL"));

export function spawnWorker(fixture: string, logName: string, args: object) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "../fixtures", fixture), JSON.stringify(args)], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const log = createWriteStream(workerFile("logs", logName), { flags: "a" });
  let stderr = "";
  const results: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let buffered = "";
  child.stdout!.on("data", (d: Buffer) => {
    log.write(d);
    buffered += d.toString();
    for (let i = buffered.indexOf("\n"); i >= 0; i = buffered.indexOf("\n")) {
      const line = buffered.slice(0, i);
      buffered = buffered.slice(i + 1);
      if (line.startsWith("RESULT ")) results.push(JSON.parse(line.slice(7)) as Record<string, unknown>);
      waiters.splice(0).forEach((w) => w());
    }
  });
  child.stderr!.on("data", (d: Buffer) => (log.write(d), (stderr += d.toString())));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => (children.delete(child), log.end(), resolve(code))));
  const nextResult = async (ms: number) => {
    const end = Date.now() + ms;
    const seen = results.length;
    while (results.length === seen) {
      if (Date.now() > end || child.exitCode !== null) throw new Error(`no result from ${logName} (exit ${child.exitCode})\n${stderr.slice(-3000)}`);
      await new Promise<void>((r) => (waiters.push(r), setTimeout(r, 200)));
    }
    return results[seen]!;
  };
  return { child, exited, nextResult };
}

export async function until(check: () => Promise<boolean>, ms: number, what: string) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not reached within ${ms} ms`);
}
