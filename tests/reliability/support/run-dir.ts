// The suite's run directory (made by report-setup.ts, handed over in RELIABILITY_RUN_DIR): the
// result rows the final table is printed from, every recorded response, captured log lines, and
// the secrets the suite created, which r7-secrets.test.ts looks for in the responses and logs.
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";

export function runDir(): string {
  // eslint-disable-next-line no-restricted-properties -- test harness state, not app configuration
  const dir = process.env.RELIABILITY_RUN_DIR;
  if (!dir) throw new Error("RELIABILITY_RUN_DIR is not set: run the suite with npm run test:reliability");
  return dir;
}

export const runFiles = {
  results: () => path.join(runDir(), "results.jsonl"),
  secrets: () => path.join(runDir(), "secrets.jsonl"),
  responses: () => path.join(runDir(), "responses"),
  logs: () => path.join(runDir(), "logs"),
};

export type SecretKind = "password" | "emag-password" | "callback-token" | "invoice-file-token" | "metrics-token";

/** Remembers a secret the suite created or used; R7 then finds it nowhere in responses or logs. */
export function recordSecret(kind: SecretKind, value: string, note = "") {
  if (!value) return;
  appendFileSync(runFiles.secrets(), `${JSON.stringify({ kind, value, note })}\n`);
}

/** A file of this worker process under responses/ or logs/ (one writer per file). */
export function workerFile(kind: "responses" | "logs", name: string) {
  const dir = runFiles[kind]();
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}-${process.pid}.jsonl`);
}

export interface ResultRow {
  id: string;
  title: string;
  tried: string;
  held: string;
  pass: boolean;
  ms?: number;
}

export const appendRow = (row: ResultRow) => appendFileSync(runFiles.results(), `${JSON.stringify(row)}\n`);

export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

/** Collects a file's checks; report() writes its row (called from afterAll, so a failed expect still reports). */
export function resultRow(id: string, title: string) {
  const started = Date.now();
  const checks: Check[] = [];
  const tried: string[] = [];
  let written = false;
  return {
    tried: (what: string) => void tried.push(what),
    check(name: string, ok: boolean, detail?: string) {
      checks.push({ name, ok, detail });
      return ok;
    },
    failures: () => checks.filter((c) => !c.ok).map((c) => (c.detail ? `${c.name}: ${c.detail}` : c.name)),
    report(held?: string) {
      if (written) return;
      written = true;
      const failed = checks.filter((c) => !c.ok);
      const pass = checks.length > 0 && failed.length === 0;
      appendRow({
        id,
        title,
        tried: tried.join(", ") || "nothing ran",
        held: pass
          ? (held ?? checks.map((c) => c.name).join(", "))
          : checks.length === 0
            ? "FAILED: no check ran (the file failed before its checks; see vitest's output)"
            : `FAILED ${failed.map((c) => (c.detail ? `${c.name} (${c.detail})` : c.name)).join("; ")}`,
        pass,
        ms: Date.now() - started,
      });
    },
  };
}
