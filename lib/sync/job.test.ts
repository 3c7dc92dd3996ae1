import { describe, expect, it } from "vitest";
import { finalStatus } from "@/lib/sync/finish";
import { chunkRanges } from "@/lib/sync/job";
import type { AccountCheckpoint } from "@/lib/sync/log-store";
import { accountComplete } from "@/lib/sync/steps";

const cp = (o: Partial<AccountCheckpoint>): AccountCheckpoint => ({ spec_pages: 10, total_pages: 3, total_items: 250, done: [1, 2, 3], failed: [], ...o });

describe("product sync planning and outcome", () => {
  it("splits pages into chunks of 10 (the last one shorter)", () => {
    expect(chunkRanges(11, 35)).toEqual([[11, 20], [21, 30], [31, 35]]);
    expect(chunkRanges(11, 10)).toEqual([]);
    expect(chunkRanges(1, 3, 2)).toEqual([[1, 2], [3, 3]]);
  });

  it("an account is complete only with every page done and nothing failed or interrupted", () => {
    expect(accountComplete(cp({}))).toBe(true);
    expect(accountComplete(cp({ done: [1, 3] }))).toBe(false);
    expect(accountComplete(cp({ failed: [2] }))).toBe(false);
    expect(accountComplete(cp({ count_error: "auth" }))).toBe(false);
    expect(accountComplete(cp({ interrupted: "timeout" }))).toBe(false);
    expect(accountComplete(cp({ total_pages: 0, done: [] }))).toBe(true);
    expect(accountComplete(undefined)).toBe(false);
  });

  it("final status: completed, partial (one account or some pages failed), failed (nothing written, or timed out)", () => {
    expect(finalStatus({ main: cp({}), fbe: cp({}) }, ["main", "fbe"], false)).toEqual({ status: "completed", timedOut: false });
    expect(finalStatus({ main: cp({}), fbe: cp({ count_error: "auth", done: [] }) }, ["main", "fbe"], false).status).toBe("partial");
    expect(finalStatus({ main: cp({ failed: [3], done: [1, 2] }) }, ["main"], false).status).toBe("partial");
    expect(finalStatus({ main: cp({ count_error: "x", done: [] }) }, ["main"], false).status).toBe("failed");
    expect(finalStatus({ main: cp({ interrupted: "timeout" }) }, ["main"], false)).toEqual({ status: "failed", timedOut: true });
    expect(finalStatus({ main: cp({ done: [1] }) }, ["main"], true)).toEqual({ status: "failed", timedOut: true });
  });
});
