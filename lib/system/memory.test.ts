import { describe, expect, it } from "vitest";
import { releaseMemory, withMemoryRelease } from "./memory";

describe("memory release after a sync", () => {
  it("a full collection frees the garbage a sync left behind", () => {
    let garbage: unknown[] | undefined = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `row ${i}` }));
    const withGarbage = process.memoryUsage().heapUsed;
    garbage = undefined;
    releaseMemory("test");
    expect(garbage).toBeUndefined();
    expect(process.memoryUsage().heapUsed).toBeLessThan(withGarbage - 10 * 2 ** 20);
  });

  it("passes the sync's result and its failure through", async () => {
    await expect(withMemoryRelease("test", async () => 42)).resolves.toBe(42);
    await expect(withMemoryRelease("test", async () => Promise.reject(new Error("eMAG down")))).rejects.toThrow("eMAG down");
  });
});
