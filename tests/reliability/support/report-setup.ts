// Global setup of the reliability suite (after tests/setup/global-setup.ts made the database): a
// run directory for result rows, recorded responses, logs and secrets; a metrics token so GET
// /metrics is protected during the run. The teardown prints the table of what was tried and held.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SIM_CREDENTIALS } from "../../../lib/emag/test-support";
import type { ResultRow } from "./run-dir";

const EXPECTED = ["R1", "R2", "R3", "R4", "R5", "R6", "R7"];

export function formatTable(rows: ResultRow[]): string {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = [...EXPECTED.filter((id) => byId.has(id)).map((id) => byId.get(id)!), ...rows.filter((r) => !EXPECTED.includes(r.id))];
  const w = (k: "title" | "tried", min: number) => Math.max(min, ...ordered.map((r) => r[k].length + (k === "tried" ? 7 : 0)));
  const [tw, rw] = [w("title", 10), Math.min(w("tried", 10), 90)];
  const lines = ["Reliability suite"];
  for (const r of ordered) {
    const tried = `tried: ${r.tried}`;
    const secs = r.ms === undefined ? "" : ` (${(r.ms / 1000).toFixed(1)} s)`;
    lines.push(` ${r.id.padEnd(3)} ${r.title.padEnd(tw)}  ${tried.padEnd(rw)}  held: ${r.held}   ${r.pass ? "PASS" : "FAIL"}${secs}`);
  }
  const missing = EXPECTED.filter((id) => !byId.has(id));
  if (missing.length) lines.push(` not run: ${missing.join(", ")}`);
  const failed = ordered.filter((r) => !r.pass).length;
  lines.push(` ${ordered.length - failed} passed, ${failed} failed${missing.length ? `, ${missing.length} not run` : ""}`);
  return lines.join("\n");
}

export default function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "magflow-reliability-"));
  mkdirSync(path.join(dir, "responses"));
  mkdirSync(path.join(dir, "logs"));
  const metricsToken = `mt_${randomBytes(18).toString("base64url")}`;
  /* eslint-disable no-restricted-properties -- handed to the forked test workers, like DATABASE_URL */
  process.env.RELIABILITY_RUN_DIR = dir;
  process.env.METRICS_TOKEN = metricsToken;
  const keep = process.env.RELIABILITY_KEEP_RUN_DIR === "1";
  /* eslint-enable no-restricted-properties */
  const secrets = [
    { kind: "metrics-token", value: metricsToken, note: "METRICS_TOKEN of the run" },
    ...(["main", "fbe"] as const).map((k) => ({ kind: "emag-password", value: SIM_CREDENTIALS[k].password, note: `simulator ${k} password` })),
  ];
  writeFileSync(path.join(dir, "secrets.jsonl"), secrets.map((s) => JSON.stringify(s)).join("\n") + "\n");

  return () => {
    const file = path.join(dir, "results.jsonl");
    const rows = existsSync(file)
      ? readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as ResultRow)
      : [];
    console.log(`\n${formatTable(rows)}`);
    const allPassed = rows.length > 0 && rows.every((r) => r.pass) && EXPECTED.every((id) => rows.some((r) => r.id === id));
    if (allPassed && !keep) rmSync(dir, { recursive: true, force: true });
    else console.log(` run directory (responses, logs, secrets): ${dir}`);
  };
}
