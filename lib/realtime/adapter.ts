// Socket.IO across instances. With REDIS_URL, server.ts gives every instance's Socket.IO server the
// Redis adapter: a broadcast (emit() in lib/realtime/emit.ts) is delivered to this instance's sockets
// and published on Redis for the others, and disconnectSockets() on a room (a user's or a token's)
// is a request every instance carries out. Without REDIS_URL none of this is loaded.
//
// Two connections per instance: one publishes, one is held in subscriber mode. While Redis is
// unreachable, this instance's own sockets still get every event (the adapter delivers locally
// first); events for other instances are dropped, not queued (stale progress arriving a minute
// late is worse than none), and that is logged once per outage. The subscriber keeps its
// subscription across reconnects.
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { logger } from "@/lib/logger";

/** Prefix of the pub/sub channels (`<key>#<namespace>#…`); every instance of one deployment must share it. */
export const REALTIME_REDIS_KEY = "magflow:socket.io";

export interface RealtimeRedis {
  /** Socket.IO's `adapter` option (attachRealtime's `adapter`). */
  adapter: ReturnType<typeof createAdapter>;
  /** Shutdown: closes both Redis connections (after io.close(), which unsubscribes). */
  close(): Promise<void>;
}

const closeClient = async (c: Redis) => {
  if (c.status === "ready") await c.quit().catch(() => c.disconnect());
  else c.disconnect();
};

/**
 * The Redis adapter on `url`. Waits up to `readyTimeoutMs` for both connections, so events emitted
 * right after boot already reach the other instances; past that it goes on (logged) and catches
 * up when Redis answers.
 */
export async function realtimeRedis(url: string, opts: { key?: string; readyTimeoutMs?: number } = {}): Promise<RealtimeRedis> {
  const pub = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: "magflow-realtime-pub" });
  // The subscriber's one command (SUBSCRIBE) must survive a Redis that is not up yet: it waits.
  const sub = new Redis(url, { maxRetriesPerRequest: null, connectionName: "magflow-realtime-sub" });

  let warned = false;
  const warn = (err: unknown) => {
    if (!warned) logger.warn({ err: err instanceof Error ? err.message : String(err) }, "realtime Redis unreachable; events reach this instance's sockets only until it is back");
    warned = true;
  };
  for (const c of [pub, sub]) {
    c.on("error", warn);
    c.on("ready", () => {
      if (warned && pub.status === "ready" && sub.status === "ready") logger.info("realtime Redis is back; events reach every instance again");
      if (pub.status === "ready" && sub.status === "ready") warned = false;
    });
  }
  // The adapter does not handle a failed PUBLISH (no offline queue: it fails at once while Redis is
  // down); without this every emit would be an unhandled rejection.
  const publish = pub.publish.bind(pub);
  (pub as unknown as { publish: (channel: string | Buffer, message: string | Buffer) => Promise<number> }).publish = (channel, message) =>
    publish(channel, message).catch((err: unknown) => (warn(err), 0));

  const ready = (c: Redis) => (c.status === "ready" ? Promise.resolve() : new Promise<void>((r) => c.once("ready", () => r())));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), opts.readyTimeoutMs ?? 5_000)));
  const outcome = await Promise.race([Promise.all([ready(pub), ready(sub)]), timeout]);
  clearTimeout(timer);
  if (outcome === "timeout") warn(new Error(`no answer from Redis within ${opts.readyTimeoutMs ?? 5_000} ms`));

  return {
    adapter: createAdapter(pub, sub, { key: opts.key ?? REALTIME_REDIS_KEY }),
    close: async () => void (await Promise.all([closeClient(pub), closeClient(sub)])),
  };
}
