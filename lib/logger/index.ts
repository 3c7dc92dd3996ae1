// Structured JSON logs (pino). Secrets are redacted wherever they could appear.
import pino from "pino";
import { env } from "@/lib/env";

type LogGlobal = { __magflowLogger?: pino.Logger };
const g = globalThis as LogGlobal;

export const redactPaths = [
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
  "token",
  "*.token",
  "access_token",
  "*.access_token",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  "req.headers.authorization",
  "req.headers.cookie",
  "secret",
  "*.secret",
];

export function getLogger(): pino.Logger {
  g.__magflowLogger ??= pino({
    level: env().LOG_LEVEL,
    base: { app: "magflow" },
    redact: { paths: redactPaths, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
  return g.__magflowLogger;
}

export const logger = new Proxy({} as pino.Logger, {
  get: (_t, prop) => {
    const l = getLogger();
    const v = Reflect.get(l, prop);
    return typeof v === "function" ? v.bind(l) : v;
  },
});
