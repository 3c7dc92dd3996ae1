// The only module that reads process.env. Every variable is validated here, with a
// working default wherever one exists, so a fresh clone runs with no configuration.
import { z } from "zod";

const flag = (fallback: boolean) =>
  z
    .enum(["1", "0", "true", "false", "yes", "no", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : ["1", "true", "yes"].includes(v)));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const nodeEnv = z.enum(["development", "production", "test"]).default("development");

export const envSchema = z.object({
  NODE_ENV: nodeEnv,
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: int(3000, 0, 65535),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),

  // Storage. Unset DATABASE_URL starts an embedded PostgreSQL under DATA_DIR/postgres.
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: optionalString,
  EMBEDDED_PG_PORT: int(0, 0, 65535),
  REDIS_URL: optionalString,

  // Auth.
  NEXTAUTH_URL: optionalString,
  NEXTAUTH_SECRET: optionalString,
  ADMIN_EMAIL: optionalString,
  ADMIN_PASSWORD: optionalString,
  ADMIN_NAME: z.string().default("Administrator"),
  API_TOKEN_TTL_SECONDS: int(12 * 3600, 60),
  LOGIN_MAX_FAILURES: int(5, 1),
  LOGIN_LOCKOUT_SECONDS: int(15 * 60, 1),
  /** Failed sign-ins from one client address (any account) before that address is refused. */
  LOGIN_IP_MAX_FAILURES: int(50, 1),
  /** Per-user API budget: requests per minute (per token, or per user for browser sessions). */
  API_RATE_LIMIT: int(1200, 1),
  /** Per-user budget on routes that spend eMAG's request budget (couriers, test-connection, syncs). */
  API_RATE_LIMIT_EMAG: int(30, 1),
  /**
   * Trust X-Forwarded-For from this many proxy hops in front of the app ("0"/unset: never; "true" = 1).
   * Only then is the client address taken from the header instead of the TCP peer.
   */
  TRUST_PROXY: z
    .enum(["true", "false", "yes", "no", ""])
    .or(z.string().regex(/^\d{1,2}$/, "a hop count (0-99) or true/false"))
    .optional()
    .transform((v) => (v === undefined || v === "" || v === "false" || v === "no" ? 0 : v === "true" || v === "yes" ? 1 : Number(v))),
  METRICS_TOKEN: optionalString,

  // Inngest. INNGEST_DEV defaults to on outside production.
  INNGEST_DEV: optionalString,
  INNGEST_BASE_URL: optionalString,
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,

  // eMAG Marketplace API. No credentials = demo mode against the built-in simulator.
  EMAG_API_URL: z.url().default("https://marketplace-api.emag.ro/api-3"),
  EMAG_MAIN_USERNAME: optionalString,
  EMAG_MAIN_PASSWORD: optionalString,
  EMAG_FBE_USERNAME: optionalString,
  EMAG_FBE_PASSWORD: optionalString,
  EMAG_TIMEOUT_MS: int(30_000, 100),
  EMAG_MAX_RETRIES: int(5, 0, 20),
  /** Sender of AWBs (the pickup address comes from eMAG's addresses/read). */
  EMAG_SENDER_NAME: z.string().min(3).default("MagFlow Depozit"),
  EMAG_SENDER_PHONE: z.string().regex(/^\+?\d{8,11}$/, "8-11 digits").default("0212000000"),
  /** Key for eMAG credentials stored from the UI: 32 bytes, base64 or hex. Unset: DATA_DIR/secrets.json (not in production). */
  MAGFLOW_ENCRYPTION_KEY: optionalString,
  /** The previous key, during a rotation (`npm run secrets:rotate`); still accepted for reading. */
  MAGFLOW_ENCRYPTION_KEY_OLD: optionalString,

  // Orders.
  /** Base URL eMAG reaches this app at (callback URLs, uploaded invoices). Default: NEXTAUTH_URL. */
  PUBLIC_URL: optionalString,
  /** Days to keep sync logs (the daily cleanup deletes older ones). */
  SYNC_LOG_RETENTION_DAYS: int(30, 1, 3650),
  /** The 10-minute job acknowledges new MAIN orders. */
  ORDERS_AUTO_ACKNOWLEDGE: flag(true),

  // Mail (alerts and scheduled reports). Unset SMTP_URL: e-mail channels are off and say so.
  /** smtp://user:pass@host:port or smtps://… (nodemailer's URL form). */
  SMTP_URL: optionalString,
  MAIL_FROM: z.string().min(3).default("MagFlow <magflow@localhost>"),
  /** Alerts: seconds an alert gathers its burst before it is sent (the message carries the count). */
  ALERTS_GATHER_SECONDS: int(10, 0, 300),
  /** Alerts: a webhook that has not answered within this many ms has failed (and is retried). */
  ALERTS_WEBHOOK_TIMEOUT_MS: int(5000, 100, 60_000),

  // Instances.
  /** This instance's name in logs, job leases and the instances table (default: host:pid). */
  INSTANCE_NAME: optionalString,
  /**
   * Operators and tests: other cron patterns for in-process schedules, "id=pattern;id=pattern"
   * (ids from lib/jobs/schedules.ts; croner patterns, a 6th leading field is seconds).
   */
  JOBS_CRON_OVERRIDES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const out: Record<string, string> = {};
      for (const part of (v ?? "").split(";").map((x) => x.trim()).filter(Boolean)) {
        const i = part.indexOf("=");
        if (i < 1) {
          ctx.addIssue({ code: "custom", message: `expected id=pattern, got "${part}"` });
          return z.NEVER;
        }
        out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
      }
      return out;
    }),

  // Shutdown.
  /** On SIGTERM, how long running in-process syncs and jobs may finish before the rest is left for another instance. */
  SHUTDOWN_DRAIN_MS: int(25_000, 0, 600_000),

  // eMAG simulator.
  /** Demo mode: the first start runs a full product sync of both demo accounts (so every page has data). */
  DEMO_FIRST_SYNC: flag(true),
  /** Demo mode against a simulator that runs elsewhere (npm run cluster shares one): none is started in-process. */
  EMAG_SIM_URL: optionalString,
  EMAG_SIM_PORT: int(3101, 0, 65535),
  EMAG_SIM_SEED: int(42),
  EMAG_SIM_PRODUCTS_MAIN: int(1275, 0, 1_000_000),
  EMAG_SIM_PRODUCTS_FBE: int(1271, 0, 1_000_000),
  EMAG_SIM_ORDERS: int(3000, 0, 1_000_000),
  EMAG_SIM_NEW_ORDERS_PER_MINUTE: z.coerce.number().min(0).default(2),
  EMAG_SIM_LATENCY_MS: z
    .string()
    .regex(/^\d+(-\d+)?$/, "expected N or MIN-MAX milliseconds")
    .default("0"),
  EMAG_SIM_FAULT_RATE: z.coerce.number().min(0).max(1).default(0),
  /** Share of simulated offer writes that are applied but answered 504 (a lost response). */
  EMAG_SIM_LOST_WRITE_RATE: z.coerce.number().min(0).max(1).default(0),
  EMAG_SIM_MAIN_USERNAME: z.string().default("demo-main"),
  EMAG_SIM_MAIN_PASSWORD: z.string().default("demo-main-pass"),
  EMAG_SIM_FBE_USERNAME: z.string().default("demo-fbe"),
  EMAG_SIM_FBE_PASSWORD: z.string().default("demo-fbe-pass"),

  // Tests only.
  TEST_DATABASE_URL: optionalString,
  TEST_REDIS_URL: optionalString,
  CI: flag(false),
});

export type Env = z.infer<typeof envSchema>;

type RuntimeGlobal = { __magflowRuntimeEnv?: Record<string, string> };
const runtime = globalThis as RuntimeGlobal;

function load(): Env {
  // Values resolved at boot win over process.env: Next's dev server restores its own snapshot of
  // process.env when it (re)loads env files, which would drop a generated secret or embedded DB URL.
  const parsed = envSchema.safeParse({ ...process.env, ...runtime.__magflowRuntimeEnv });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/**
 * Parsed lazily and re-read on demand: server.ts resolves DATABASE_URL (embedded
 * PostgreSQL) and NEXTAUTH_SECRET at boot, before any route module reads them.
 */
let cached: Env | undefined;
export function env(): Env {
  cached ??= load();
  return cached;
}

/** Boot-time only: publish a value resolved at runtime (embedded DB URL, generated secret). */
export function setRuntimeEnv(key: "DATABASE_URL" | "NEXTAUTH_SECRET" | "NEXTAUTH_URL", value: string) {
  process.env[key] = value; // for libraries that read it themselves (next-auth reads NEXTAUTH_URL)
  runtime.__magflowRuntimeEnv = { ...runtime.__magflowRuntimeEnv, [key]: value };
  cached = undefined;
}

export const isProduction = () => env().NODE_ENV === "production";
export const inngestDevMode = () => {
  const v = env().INNGEST_DEV;
  return v === undefined ? !isProduction() : !["0", "false", "no"].includes(v);
};

/** eMAG credentials per account kind; undefined when not configured (demo mode). */
export function emagCredentials(kind: "main" | "fbe") {
  const e = env();
  const [username, password] =
    kind === "main" ? [e.EMAG_MAIN_USERNAME, e.EMAG_MAIN_PASSWORD] : [e.EMAG_FBE_USERNAME, e.EMAG_FBE_PASSWORD];
  return username && password ? { username, password } : undefined;
}

/** Where eMAG (and the simulator) reach this app: PUBLIC_URL, else NEXTAUTH_URL, else localhost:PORT. */
export const publicBaseUrl = () => {
  const e = env();
  return (e.PUBLIC_URL ?? e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
};

export const emagDemoMode = () => !emagCredentials("main") && !emagCredentials("fbe");

/** Tests only: override variables and re-parse. */
export function resetEnvForTests(overrides: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  cached = undefined;
}
