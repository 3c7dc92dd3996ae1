// Custom server: Next (dev or production) and Socket.IO on one HTTP server, plus the boot and
// graceful shutdown of what they depend on. No business logic lives here.
import { randomUUID } from "node:crypto";
import http from "node:http";
import next from "next";
import { ensureEmagAccounts } from "@/lib/accounts/ensure";
import { bootInfrastructure, EmbeddedPostgresError } from "@/lib/boot/infrastructure";
import { closeBus, connectBus } from "@/lib/cluster/bus";
import { claimJobRunner, UnsafeConfigurationError, type JobRunnerClaim } from "@/lib/boot/job-runner-guard";
import { disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { detectJobMode, setJobMode } from "@/lib/jobs/mode";
import { logger } from "@/lib/logger";
import { guardRequest } from "@/lib/http/guard";
import { redactUrl } from "@/lib/http/redact";
import { httpDuration, routeLabel } from "@/lib/metrics/http";
import { realtimeRedis } from "@/lib/realtime/adapter";
import { registerIo } from "@/lib/realtime/emit";
import { attachRealtime } from "@/lib/realtime/server";
import { ensureAdmin } from "@/lib/users/bootstrap";
import { demoSimulator, startDemoBackends, startFirstDemoCatalogSync } from "@/lib/boot/demo";
import { bootOrders } from "@/lib/orders/boot";

const bootStarted = Date.now();
const e = env();
const dev = e.NODE_ENV !== "production";

const infra = await bootInfrastructure().catch((err: unknown) => {
  // A database that cannot start is the user's to fix: one line that says how, not a stack trace.
  if (!(err instanceof EmbeddedPostgresError)) throw err;
  console.error(err.message);
  process.exit(1);
});
connectBus(); // with REDIS_URL: cache invalidations from other instances arrive from now on
await ensureAdmin();
const demo = await startDemoBackends();
await ensureEmagAccounts();

const app = next({ dev, hostname: e.HOST === "0.0.0.0" ? "localhost" : e.HOST, port: e.PORT });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  const started = process.hrtime.bigint();
  const requestId = (req.headers["x-request-id"] as string | undefined)?.slice(0, 100) || randomUUID();
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  const admitted = guardRequest(req, res, { dev, trustedHops: e.TRUST_PROXY });
  res.on("finish", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const url = req.url ?? "/";
    httpDuration().observe({ method: req.method ?? "GET", route: routeLabel(url), status: String(res.statusCode) }, seconds);
    const quiet = url.startsWith("/_next/") || url.startsWith("/__nextjs");
    logger[quiet ? "debug" : "info"](
      { requestId, method: req.method, url: redactUrl(url), status: res.statusCode, ms: Math.round(seconds * 1000) },
      "request",
    );
  });
  if (admitted) void handle(req, res);
});

// With REDIS_URL, Socket.IO rooms span every instance (emits and socket cuts reach them all).
const realtime = e.REDIS_URL ? await realtimeRedis(e.REDIS_URL) : undefined;
const io = attachRealtime(server, { adapter: realtime?.adapter });

const jobMode = await detectJobMode();
setJobMode(jobMode);
// Production instances that run jobs in-process: several of them need one shared Redis.
let runnerClaim: JobRunnerClaim | undefined;
if (!dev && jobMode.mode === "in-process") {
  try {
    runnerClaim = await claimJobRunner({ databaseUrl: env().DATABASE_URL!, redis: Boolean(e.REDIS_URL) });
  } catch (err) {
    if (!(err instanceof UnsafeConfigurationError)) throw err;
    logger.fatal(err.message);
    console.error(err.message);
    await infra.embedded?.stop();
    process.exit(1);
  }
}
let stopScheduler: (() => void) | undefined;
let stopRecovery: (() => void) | undefined;
if (jobMode.mode === "in-process") {
  const { runScheduledNow, startInProcessScheduler } = await import("@/inngest/in-process");
  stopScheduler = startInProcessScheduler(); // each tick runs on one instance (a lease in job_leases)
  void runScheduledNow("healthCheck"); // a first result now, not 15 minutes from now
  // Product syncs whose worker died (this instance's previous process, or another instance) free
  // their accounts now, and every RECOVERY_EVERY_MS after: live workers write a heartbeat every
  // HEARTBEAT_MS, also between steps, so only a sync silent for 3 beats is dead, and a live sync on
  // another instance is never failed. (Order syncs at boot: bootOrders; offer jobs: below.)
  const { cleanupStuckSyncs } = await import("@/lib/sync/service");
  const { STALE_AFTER_MS } = await import("@/lib/jobs/recovery");
  await cleanupStuckSyncs(STALE_AFTER_MS, "Interrupted (server restarted)").catch((err) => logger.error({ err }, "sync recovery failed"));
}

await new Promise<void>((resolve) => server.listen(e.PORT, e.HOST, resolve));
// Callback secrets, the simulator's callbacks (demo mode), and a first order sync now rather than
// at the next 5-minute tick.
await bootOrders({ simulator: demoSimulator(), port: e.PORT, inProcess: jobMode.mode === "in-process" });
if (demo.mode === "demo" && e.DEMO_FIRST_SYNC) await startFirstDemoCatalogSync().catch((err) => logger.error({ err }, "first demo product sync failed"));
if (jobMode.mode === "in-process") {
  // Offer jobs that ran in the previous process resume here (a stale heartbeat; one instance claims each).
  const { recoverOfferJobs } = await import("@/lib/offers/runner");
  const { OFFER_JOB_RESUME_MS, startRecoveryLoop } = await import("@/lib/jobs/recovery");
  await recoverOfferJobs(OFFER_JOB_RESUME_MS).catch((err) => logger.error({ err }, "offer job recovery failed"));
  stopRecovery = startRecoveryLoop(); // dead syncs and jobs of any instance, by heartbeat, from now on
}
logger.info(
  {
    url: `http://${e.HOST === "0.0.0.0" ? "localhost" : e.HOST}:${e.PORT}`,
    mode: dev ? "development" : "production",
    database: infra.databaseMode,
    jobs: jobMode,
    emag: demo.mode,
    bootMs: Date.now() - bootStarted,
  },
  "MagFlow is ready",
);

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal, drainMs: e.SHUTDOWN_DRAIN_MS }, "shutting down");
  // The drain gets SHUTDOWN_DRAIN_MS; closing everything after it gets 15 s more.
  const force = setTimeout(() => process.exit(1), e.SHUTDOWN_DRAIN_MS + 15_000);
  force.unref();
  try {
    // No new work: the scheduler first, then later recovery passes; new syncs and jobs get 503
    // while running ones finish (up to SHUTDOWN_DRAIN_MS). The rest stays "running" with its
    // checkpoint and is failed or resumed by heartbeat on another instance.
    stopScheduler?.();
    stopRecovery?.();
    const { drainJobs } = await import("@/lib/jobs/shutdown");
    const drain = await drainJobs(e.SHUTDOWN_DRAIN_MS);
    if (drain.drained) logger.info(drain, "background work finished");
    else logger.warn(drain, "drain bound reached: running syncs and jobs left to their heartbeat");
    await new Promise<void>((resolve) => io.close(() => resolve()));
    registerIo(undefined);
    await realtime?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await demo.stop();
    await app.close?.();
    const { closeBulkPool } = await import("@/lib/sync/bulk-db");
    const { closeProductsPool } = await import("@/lib/products/read-db");
    const { closeLimiterStores } = await import("@/lib/limits");
    const { closeCache } = await import("@/lib/cache");
    await Promise.all([closeBulkPool(), closeProductsPool(), closeLimiterStores(), closeCache(), closeBus()]);
    await runnerClaim?.release();
    await disconnectDb();
    await infra.embedded?.stop();
    logger.info("shutdown complete");
    process.exit(0);
  } catch (err) {
    logger.error({ err }, "shutdown failed");
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
// A promise nobody awaited must not take the server (and every live socket) down with it.
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection (process kept alive)"));
process.on("SIGINT", () => void shutdown("SIGINT"));
