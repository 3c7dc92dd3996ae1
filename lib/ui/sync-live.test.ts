import { describe, expect, it } from "vitest";
import type { SyncProgressPayload } from "@/lib/realtime/events";
import type { SyncLog } from "@/lib/ui/queries/emag-sync";
import { liveReducer, pickProgress, type LiveState } from "@/lib/ui/sync-live";

const progress = (over: Partial<SyncProgressPayload> = {}): SyncProgressPayload => ({
  syncId: "s1",
  account: "main",
  page: 3,
  totalPages: 13,
  processed: 300,
  total: 1275,
  percent: 23.5,
  itemsPerSecond: 250,
  etaSeconds: 4,
  operation: "fetch",
  ...over,
});

const log = (over: Partial<SyncLog> = {}): SyncLog => ({
  id: "s2",
  type: "products",
  accounts: ["main"],
  mode: "full",
  options: {},
  status: "running",
  counters: { created: 0, updated: 0, unchanged: 0, removed: 0, failed: 0 },
  pages: 0,
  api_requests: 0,
  rate_limit_waits: 0,
  errors: [],
  progress: { main: { page: 5, total_pages: 13, processed: 500, total: 1275, percent: 39.2 } },
  triggered_by: "user",
  started_at: "2026-01-01T00:00:00Z",
  completed_at: null,
  duration_ms: null,
  ...over,
});

describe("liveReducer", () => {
  it("starts every account of a sync at 0 % and follows its progress events", () => {
    let s: LiveState = liveReducer({}, { type: "started", syncId: "s1", accounts: ["main", "fbe"] });
    expect(s.main?.percent).toBe(0);
    expect(s.fbe?.state).toBe("running");
    s = liveReducer(s, { type: "progress", payload: progress() });
    expect(s.main).toMatchObject({ percent: 23.5, processed: 300, itemsPerSecond: 250, etaSeconds: 4, state: "running" });
    expect(s.fbe?.percent).toBe(0);
  });

  it("creates an entry from a progress event it never saw start, and clamps percent", () => {
    const s = liveReducer({}, { type: "progress", payload: progress({ percent: 140 }) });
    expect(s.main?.percent).toBe(100);
  });

  it("shows a completed sync as 100 % and keeps a failed one where it stopped", () => {
    const running = liveReducer({}, { type: "progress", payload: progress() });
    expect(liveReducer(running, { type: "finished", syncId: "s1", status: "completed" }).main).toMatchObject({ percent: 100, state: "completed", processed: 1275 });
    expect(liveReducer(running, { type: "finished", syncId: "s1", status: "failed", error: "boom" }).main).toMatchObject({ percent: 23.5, state: "failed", error: "boom" });
    // Another sync's end leaves this one alone (same object back).
    expect(liveReducer(running, { type: "finished", syncId: "other", status: "completed" })).toBe(running);
  });

  it("does not revive a finished sync on a late progress event, nor move a milestone backwards", () => {
    const done = liveReducer(liveReducer({}, { type: "progress", payload: progress() }), { type: "finished", syncId: "s1", status: "cancelled" });
    expect(liveReducer(done, { type: "progress", payload: progress({ percent: 30 }) }).main?.state).toBe("cancelled");
    const s = liveReducer({}, { type: "progress", payload: progress({ percent: 60 }) });
    expect(liveReducer(s, { type: "milestone", syncId: "s1", account: "main", percent: 50 })).toBe(s);
    expect(liveReducer(s, { type: "milestone", syncId: "s1", account: "main", percent: 75 }).main?.percent).toBe(75);
  });
});

describe("pickProgress", () => {
  it("falls back to the REST snapshot when this tab saw no events (opened mid-sync)", () => {
    expect(pickProgress(undefined, log(), "main")).toMatchObject({ syncId: "s2", percent: 39.2, state: "running" });
    expect(pickProgress(undefined, log(), "fbe")).toBeUndefined();
  });

  it("prefers live events, but a newer running sync beats a finished live one", () => {
    const live = liveReducer({}, { type: "progress", payload: progress({ syncId: "s2", percent: 80 }) }).main;
    expect(pickProgress(live, log(), "main")?.percent).toBe(80);
    const old = { ...liveReducer({}, { type: "progress", payload: progress({ syncId: "s0" }) }).main!, state: "completed" as const };
    expect(pickProgress(old, log(), "main")?.syncId).toBe("s2");
    expect(pickProgress(old, null, "main")?.syncId).toBe("s0");
  });
});
