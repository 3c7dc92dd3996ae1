import { describe, expect, it } from "vitest";
import { collectIfGrown, HEAP_CEILING_BYTES, releaseMemory, withMemoryRelease } from "./memory";

describe("memory release after a sync", () => {
  it("a full collection frees the garbage a sync left behind", () => {
    let garbage: unknown[] | undefined = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `row ${i}` }));
    const withGarbage = process.memoryUsage().heapUsed;
    garbage = undefined;
    releaseMemory("test");
    expect(garbage).toBeUndefined();
    expect(process.memoryUsage().heapUsed).toBeLessThan(withGarbage - 10 * 2 ** 20);
  });

  it("during a sync, a page write collects once the heap passed the ceiling, and not below it", async () => {
    await new Promise((r) => setTimeout(r, 1_100)); // past the gap since the collection above
    const below = process.memoryUsage().heapUsed;
    expect(below).toBeLessThan(HEAP_CEILING_BYTES);
    collectIfGrown(); // below the ceiling: nothing to do
    let garbage: string[] | undefined = [];
    while (process.memoryUsage().heapUsed < HEAP_CEILING_BYTES + 16 * 2 ** 20)
      for (let i = 0; i < 20_000; i++) garbage.push("x".repeat(64) + garbage.length);
    garbage = undefined;
    collectIfGrown();
    expect(garbage).toBeUndefined();
    expect(process.memoryUsage().heapUsed).toBeLessThan(HEAP_CEILING_BYTES);
  });

  it("passes the sync's result and its failure through", async () => {
    await expect(withMemoryRelease("test", async () => 42)).resolves.toBe(42);
    await expect(withMemoryRelease("test", async () => Promise.reject(new Error("eMAG down")))).rejects.toThrow("eMAG down");
  });
});
