import { describe, expect, it } from "vitest";
import { inProcessStep } from "@/inngest/in-process";

describe("in-process step runner", () => {
  it("retries a failing step with backoff and returns its eventual result", async () => {
    let attempts = 0;
    const step = inProcessStep("test-job", 3);
    const result = await step.run("flaky", async () => {
      attempts++;
      if (attempts < 3) throw new Error(`boom ${attempts}`);
      return "done";
    });
    expect(result).toBe("done");
    expect(attempts).toBe(3);
  });

  it("gives up after the configured retries", async () => {
    let attempts = 0;
    const step = inProcessStep("test-job", 1);
    await expect(
      step.run("always-fails", async () => {
        attempts++;
        throw new Error("nope");
      }),
    ).rejects.toThrow("nope");
    expect(attempts).toBe(2);
  });
});
