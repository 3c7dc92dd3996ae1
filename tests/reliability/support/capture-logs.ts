// Setup file of the reliability suite: the app logger (lib/logger, pino) writes to this worker's
// file under the run directory instead of stdout, so R7 can scan every log line. lib/logger has no
// destination option, so pino itself is wrapped: the logger keeps its own level, redaction and
// format, and only the destination (pino's second argument, unset by lib/logger) is supplied.
import type * as PinoModule from "pino";
import { vi } from "vitest";

vi.mock("pino", async (importOriginal) => {
  const actual = await importOriginal<typeof PinoModule>();
  const { workerFile } = await import("./run-dir");
  const pino = actual.default;
  const file = workerFile("logs", "in-process");
  const wrapped = Object.assign(
    (opts?: Parameters<typeof pino>[0], stream?: Parameters<typeof pino>[1]) =>
      pino(opts as never, stream ?? pino.destination({ dest: file, sync: true, append: true })),
    pino,
  );
  return { ...actual, default: wrapped };
});
