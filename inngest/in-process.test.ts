import { describe, expect, it } from "vitest";
import { inProcessStep } from "@/inngest/in-process";

/** A step body that fails `failures` times, then returns "done"; counts its attempts. */
function flaky(failures: number) {
  const calls = { count: 0 };
  const fn = async () => {
    calls.count += 1;
    if (calls.count <= failures) throw new Error(`boom ${calls.count}`);
    return "done";
  };
  return { fn, calls };
}

describe("in-process step runner", () => {
  it("retries a failing step with backoff and returns its eventual result", async () => {
    const { fn, calls } = flaky(2);
    const result = await inProcessStep("test-job", 3).run("flaky", fn);
    expect(result).toBe("done");
    expect(calls.count).toBe(3);
  });

  it("gives up after the configured retries", async () => {
    const { fn, calls } = flaky(99);
    await expect(inProcessStep("test-job", 1).run("always-fails", fn)).rejects.toThrow("boom 2");
    expect(calls.count).toBe(2);
  });
});
