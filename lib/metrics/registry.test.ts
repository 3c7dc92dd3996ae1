import { describe, expect, it } from "vitest";
import client from "prom-client";
import { metric, metricsRegistry } from "./registry";

describe("metrics registry", () => {
  it("returns one shared instance of a named metric", async () => {
    const make = () =>
      metric("test_counter_total", (registers) => new client.Counter({ name: "test_counter_total", help: "t", registers }));
    make().inc();
    make().inc();
    const text = await metricsRegistry().metrics();
    expect(text).toMatch(/test_counter_total 2/);
    expect(text).toMatch(/process_resident_memory_bytes/);
  });
});
