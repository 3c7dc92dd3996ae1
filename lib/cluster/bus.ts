// One message bus for facts every instance must learn at once: a revoked token, a changed user, a
// changed eMAG account. With REDIS_URL a message is published on Redis pub/sub and every instance's
// subscribers run (this instance's at once, in-process, the others' within Redis's delivery time);
// without REDIS_URL there is one instance, and delivery is in-process only.
//
// Messages are hints to drop caches, never the data itself: a subscriber re-reads PostgreSQL. While
// Redis is unreachable, messages to other instances are lost (logged once per outage), so every
// cache a message invalidates must also have a TTL that bounds how stale it can get.
// Singletons live on globalThis because Next bundles route handlers separately from server.ts.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/** Every topic, declared once. Payloads stay small and hold ids, never secrets. */
export type BusMessages = {
  /** A token was revoked or a user changed (role, status, password): every auth cache drops its entries. */
  "auth.changed": { reason: string };
  /** An eMAG account's credentials or settings changed: rebuild its client and limiter. */
  "emag.account-changed": { kind: "main" | "fbe" };
};
export type BusTopic = keyof BusMessages;
type Handler<T extends BusTopic> = (payload: BusMessages[T]) => void | Promise<void>;

export const BUS_CHANNEL = "magflow:bus";
/** How long a publish waits for a connection that is not up yet. */
const PUBLISH_WAIT_MS = 1_000;

type BusState = {
  instanceId: string;
  handlers: Map<BusTopic, Set<Handler<BusTopic>>>;
  pub?: Redis;
  sub?: Redis;
  url?: string;
  warned: boolean;
};
type BusGlobal = { __magflowBus?: BusState };
const g = globalThis as BusGlobal;

function state(): BusState {
  g.__magflowBus ??= { instanceId: randomUUID(), handlers: new Map(), warned: false };
  return g.__magflowBus;
}

async function deliver<T extends BusTopic>(topic: T, payload: BusMessages[T]) {
  for (const h of state().handlers.get(topic) ?? []) {
    try {
      await (h as Handler<T>)(payload);
    } catch (err) {
      logger.error({ err, topic }, "bus subscriber failed");
    }
  }
}

function warnOnce(err: unknown) {
  const s = state();
  if (!s.warned) logger.warn({ err: err instanceof Error ? err.message : String(err) }, "bus: Redis unreachable; other instances miss cache invalidations until it is back (TTLs bound the staleness)");
  s.warned = true;
}

/** Connects the Redis side once (lazily, on first publish or subscribe) when REDIS_URL is set. */
function connect(): BusState {
  const s = state();
  const url = env().REDIS_URL;
  if (!url || s.url === url) return s;
  s.url = url;
  s.pub = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: "magflow-bus-pub", lazyConnect: false });
  s.sub = new Redis(url, { maxRetriesPerRequest: null, connectionName: "magflow-bus-sub" });
  for (const c of [s.pub, s.sub]) {
    c.on("error", warnOnce);
    c.on("ready", () => (s.warned = false));
  }
  void s.sub.subscribe(BUS_CHANNEL).catch(warnOnce);
  s.sub.on("message", (_channel: string, raw: string) => {
    let msg: { from: string; topic: BusTopic; payload: BusMessages[BusTopic] };
    try {
      msg = JSON.parse(raw);
    } catch {
      return;
    }
    if (msg.from === s.instanceId) return; // already delivered in-process
    void deliver(msg.topic, msg.payload);
  });
  return s;
}

/** Boot: opens the Redis side now (when REDIS_URL is set), so messages from other instances arrive from the start. */
export function connectBus(): void {
  connect();
}

/** Delivers to this instance's subscribers, then to every other instance's (through Redis when configured). */
export async function publish<T extends BusTopic>(topic: T, payload: BusMessages[T]): Promise<void> {
  const s = connect();
  await deliver(topic, payload);
  const pub = s.pub;
  if (!pub) return;
  // A connection opened by this very call (or reconnecting) gets a moment to come up; past that
  // the message is dropped (logged), never queued: the TTLs of the caches it targets bound the loss.
  if (pub.status !== "ready") {
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, PUBLISH_WAIT_MS);
      pub.once("ready", () => (clearTimeout(t), resolve()));
    });
  }
  if (pub.status !== "ready") return warnOnce(new Error(`Redis not ready (${pub.status})`));
  await pub.publish(BUS_CHANNEL, JSON.stringify({ from: s.instanceId, topic, payload })).catch(warnOnce);
}

/** Runs `handler` for every message on `topic`, from any instance. Returns the unsubscribe function. */
export function subscribe<T extends BusTopic>(topic: T, handler: Handler<T>): () => void {
  const s = connect();
  let set = s.handlers.get(topic);
  if (!set) s.handlers.set(topic, (set = new Set()));
  set.add(handler as Handler<BusTopic>);
  return () => set.delete(handler as Handler<BusTopic>);
}

/** Whether messages reach other instances (REDIS_URL set and both connections up). */
export function busIsShared(): boolean {
  const s = state();
  return s.pub?.status === "ready" && s.sub?.status === "ready";
}

/** Shutdown and tests: close the Redis connections and forget the subscribers. */
export async function closeBus(): Promise<void> {
  const s = g.__magflowBus;
  if (!s) return;
  g.__magflowBus = undefined;
  await Promise.all([s.pub, s.sub].map((c) => (c ? c.quit().catch(() => c.disconnect()) : undefined)));
}
