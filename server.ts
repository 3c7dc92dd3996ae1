// Custom server: Next (dev or production) and Socket.IO on one HTTP server, plus the boot and
// graceful shutdown of what they depend on. No business logic lives here.
import { randomUUID } from "node:crypto";
import http from "node:http";
import next from "next";
import { ensureEmagAccounts } from "@/lib/accounts/ensure";
import { bootInfrastructure } from "@/lib/boot/infrastructure";
import { disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { detectJobMode, setJobMode } from "@/lib/jobs/mode";
import { logger } from "@/lib/logger";
import { guardRequest } from "@/lib/http/guard";
import { redactUrl } from "@/lib/http/redact";
import { httpDuration, routeLabel } from "@/lib/metrics/http";
import { registerIo } from "@/lib/realtime/emit";
import { attachRealtime } from "@/lib/realtime/server";
import { ensureAdmin } from "@/lib/users/bootstrap";
import { demoSimulator, startDemoBackends } from "@/lib/boot/demo";
import { bootOrders } from "@/lib/orders/boot";

const bootStarted = Date.now();
const e = env();
const dev = e.NODE_ENV !== "production";

const infra = await bootInfrastructure();
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

const io = attachRealtime(server);

const jobMode = await detectJobMode();
setJobMode(jobMode);
let stopScheduler: (() => void) | undefined;
if (jobMode.mode === "in-process") {
  const { runScheduledNow, startInProcessScheduler } = await import("@/inngest/in-process");
  stopScheduler = startInProcessScheduler();
  void runScheduledNow("healthCheck"); // a first result now, not 15 minutes from now
  // Syncs that ran in-process died with the previous process: free their accounts now. Live workers
  // write a heartbeat every HEARTBEAT_MS, so anything silent for 3 beats is dead; a second pass
  // catches syncs killed just before this restart.
  const { cleanupStuckSyncs } = await import("@/lib/sync/service");
  const { HEARTBEAT_MS } = await import("@/lib/sync/runtime");
  const recover = () =>
    cleanupStuckSyncs(HEARTBEAT_MS * 3, "Interrupted (server restarted)").catch((err) => logger.error({ err }, "sync recovery failed"));
  await recover();
  setTimeout(() => void recover(), HEARTBEAT_MS * 4).unref();
}

await new Promise<void>((resolve) => server.listen(e.PORT, e.HOST, resolve));
// Callback secrets, the simulator's callbacks (demo mode), and a first order sync now rather than
// at the next 5-minute tick.
await bootOrders({ simulator: demoSimulator(), port: e.PORT, inProcess: jobMode.mode === "in-process" });
if (jobMode.mode === "in-process") {
  // Offer jobs that ran in the previous process resume here (a stale heartbeat; one instance claims each).
  const { recoverOfferJobs } = await import("@/lib/offers/runner");
  const resume = () => recoverOfferJobs(15_000).catch((err) => logger.error({ err }, "offer job recovery failed"));
  await resume();
  setTimeout(() => void resume(), 20_000).unref();
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
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  try {
    stopScheduler?.();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    registerIo(undefined);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await demo.stop();
    await app.close?.();
    const { closeBulkPool } = await import("@/lib/sync/bulk-db");
    const { closeProductsPool } = await import("@/lib/products/read-db");
    const { closeLimiterStores } = await import("@/lib/limits");
    const { closeCache } = await import("@/lib/cache");
    await Promise.all([closeBulkPool(), closeProductsPool(), closeLimiterStores(), closeCache()]);
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
