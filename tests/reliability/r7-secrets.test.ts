// R7 (runs last: the suite runs its files in name order): every response recorded during the suite
// (support/recorder.ts) and every log line (the in-process app logger, support/capture-logs.ts, and
// the stdout/stderr of the spawned servers and workers) is searched for bcrypt hashes and for the
// secrets the suite created: passwords, the simulator's eMAG passwords, callback tokens, invoice
// file tokens and the metrics token. What must hold: 0 hits.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { logger } from "@/lib/logger";
import { resultRow, runFiles, type SecretKind } from "./support/run-dir";

const row = resultRow("R7", "secret scan of every response and log line");
const BCRYPT = /\$2[aby]\$\d\d\$/;

/**
 * Deliberate disclosures, each to the one caller meant to get it. GET /api/v1/emag/accounts gives
 * admins the callback URL to paste into eMAG's seller settings, and that URL carries the secret.
 */
const allowed: { route: string; caller: string; kind: SecretKind; why: string }[] = [
  { route: "GET /api/v1/emag/accounts", caller: "admin", kind: "callback-token", why: "admin's callback_url" },
];

const readLines = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).flatMap((f) => readFileSync(path.join(dir, f), "utf8").split("\n").filter(Boolean).map((line) => ({ file: f, line }))) : [];

describe("R7 secrets", () => {
  it("no response or log line holds a password hash or a secret the suite created", () => {
    // Proves the in-process capture is wired (support/capture-logs.ts): the app logger's line lands in the run directory.
    const canary = `r7-canary-${randomUUID()}`;
    logger.info({ canary, password: canary }, "reliability log capture check");
    const secrets = [...new Map(readFileSync(runFiles.secrets(), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { kind: SecretKind; value: string; note: string }).map((s) => [s.value, s])).values()];
    const responses = readLines(runFiles.responses()).map(({ file, line }) => ({ file, record: JSON.parse(line) as { route?: string; caller?: string; status: number; headers: unknown; body: string } }));
    const logs = readLines(runFiles.logs());
    const hits: string[] = [];
    let allowedHits = 0;

    for (const { record } of responses) {
      const text = `${JSON.stringify(record.headers)}\n${record.body}`;
      if (BCRYPT.test(text)) hits.push(`bcrypt hash in ${record.route} (${record.caller}, ${record.status})`);
      for (const s of secrets) {
        if (!text.includes(s.value)) continue;
        if (allowed.some((a) => a.route === record.route && a.caller === record.caller && a.kind === s.kind)) allowedHits++;
        else hits.push(`${s.kind} (${s.note}) in ${record.route} (${record.caller}, ${record.status})`);
      }
    }
    for (const { file, line } of logs) {
      if (BCRYPT.test(line)) hits.push(`bcrypt hash in log ${file}: ${line.slice(0, 120)}`);
      for (const s of secrets) if (line.includes(s.value)) hits.push(`${s.kind} (${s.note}) in log ${file}: ${line.slice(0, 160)}`);
    }

    const canaryLines = logs.filter((l) => l.file.startsWith("in-process") && l.line.includes(canary));
    const appLines = logs.length - canaryLines.length;
    const childLines = logs.filter((l) => !l.file.startsWith("in-process")).length;
    const kinds = [...new Set(secrets.map((s) => s.kind))].sort();
    row.tried(`${responses.length.toLocaleString("en-US")} responses, ${appLines.toLocaleString("en-US")} log lines (${childLines.toLocaleString("en-US")} from child processes), ${secrets.length} secrets (${kinds.join(", ")}) + bcrypt`);
    row.check("material to scan", responses.length > 0 && appLines > 0, `${responses.length} responses, ${appLines} log lines`);
    row.check("app logger captured", canaryLines.length === 1, `${canaryLines.length} canary lines in the in-process logs`);
    row.check("app logger redacts passwords", canaryLines.every((l) => l.line.includes('"password":"[redacted]"')), canaryLines[0]?.line ?? "");
    row.check("0 hits", hits.length === 0, `${hits.length} hits: ${[...new Set(hits)].slice(0, 6).join("; ")}`);
    row.report(`0 hits${allowedHits ? ` (${allowedHits} allowed: ${allowed.map((a) => a.why).join(", ")})` : ""}`);
    expect([...new Set(hits)]).toEqual([]);
    expect(row.failures()).toEqual([]);
  });
});
