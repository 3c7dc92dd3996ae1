// Demo-mode wiring: without eMAG credentials the process-wide clients talk to the simulator at
// the URL the server publishes.
import { afterAll, describe, expect, it } from "vitest";
import { emagDemoMode, env } from "@/lib/env";
import { emagAccountConfig, emagAccountSummary, getEmagClient, resetEmagClients, setEmagSimulatorUrl } from "./config";
import { startTestSimulator } from "./test-support";

describe.skipIf(!emagDemoMode())("eMAG account config (demo mode)", () => {
  afterAll(() => resetEmagClients());

  it("uses the simulator defaults and the demo credentials", () => {
    expect(emagAccountConfig("main")).toMatchObject({
      kind: "main",
      mode: "demo",
      baseUrl: `http://127.0.0.1:${env().EMAG_SIM_PORT}/api-3`,
      username: env().EMAG_SIM_MAIN_USERNAME,
    });
    expect(emagAccountConfig("fbe", { simulatorUrl: "http://127.0.0.1:9/api-3" }).baseUrl).toBe("http://127.0.0.1:9/api-3");
    expect(JSON.stringify(emagAccountSummary("main"))).not.toContain(env().EMAG_SIM_MAIN_PASSWORD);
  });

  it("caches one client per account and rebuilds it when the simulator URL changes", async () => {
    const sim = await startTestSimulator({ products: { main: 5, fbe: 5 }, orders: 5 });
    try {
      const before = getEmagClient("main");
      expect(getEmagClient("main")).toBe(before);
      setEmagSimulatorUrl(sim.url);
      const client = getEmagClient("main");
      expect(client).not.toBe(before);
      expect(client.info.baseUrl).toBe(sim.url);
      expect((await client.vat.read()).length).toBeGreaterThan(0);
      expect((await getEmagClient("fbe").productOffer.count()).noOfItems).toBe(5);
      expect(client.usage().buckets.default.lastMinute).toBe(1);
    } finally {
      await resetEmagClients();
      await sim.close();
    }
  });
});
