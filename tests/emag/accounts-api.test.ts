import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listAccountsRoute } from "@/app/api/v1/emag/accounts/route";
import { POST as testConnectionRoute } from "@/app/api/v1/emag/products/test-connection/route";
import { resetEmagClients, setEmagSimulatorUrl } from "@/lib/emag/config";
import { startEmagSimulator, type EmagSimulator } from "@/lib/emag/simulator";
import { ensureEmagAccounts } from "@/lib/accounts/ensure";
import { call, userWithToken } from "../helpers/api";

let sim: EmagSimulator;

beforeAll(async () => {
  sim = await startEmagSimulator({ port: 0, products: { main: 120, fbe: 80 }, orders: 5, newOrdersPerMinute: 0 });
  setEmagSimulatorUrl(sim.url);
  await ensureEmagAccounts();
});

afterAll(async () => {
  await resetEmagClients();
  await sim.close();
});

describe("eMAG accounts in the app (demo mode against the simulator)", () => {
  it("test-connection reports success with the offer count for each account", async () => {
    const { token } = await userWithToken("manager");
    for (const [kind, total] of [["main", 120], ["fbe", 80]] as const) {
      const res = await call(testConnectionRoute, { method: "POST", token, path: `/x?account_type=${kind}` });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ status: "success", data: { account_type: kind, base_url: sim.url, total_products: total } });
      expect(res.json.message).toEqual(expect.any(String));
    }
  });

  it("test-connection needs a valid account_type (400 naming it) and the right role", async () => {
    const manager = await userWithToken("manager");
    const missing = await call(testConnectionRoute, { method: "POST", token: manager.token, path: "/x" });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.json.error?.details)).toContain('"field":"account_type"');
    const bad = await call(testConnectionRoute, { method: "POST", token: manager.token, path: "/x?account_type=gold" });
    expect(bad.status).toBe(400);
    const viewer = await userWithToken("viewer");
    expect((await call(testConnectionRoute, { method: "POST", token: viewer.token, path: "/x?account_type=main" })).status).toBe(403);
  });

  it("surfaces bad credentials as a clear message, not a crash", async () => {
    const strict = await startEmagSimulator({
      port: 0,
      products: { main: 5, fbe: 5 },
      orders: 0,
      newOrdersPerMinute: 0,
      credentials: { main: { username: "someone-else", password: "other" } },
    });
    try {
      await resetEmagClients();
      setEmagSimulatorUrl(strict.url);
      const { token } = await userWithToken("admin");
      const res = await call(testConnectionRoute, { method: "POST", token, path: "/x?account_type=main" });
      expect(res.status).toBe(502);
      expect(res.json.error?.message).toMatch(/MAIN connection failed: eMAG rejected the account's credentials \(HTTP 403\)/);
      expect(res.json.error?.message).toMatch(/not allowed to use this API/);
      expect(res.text).not.toContain("demo-main-pass");
    } finally {
      await resetEmagClients();
      setEmagSimulatorUrl(sim.url);
      await strict.close();
    }
  });

  it("lists both accounts with mode, base URL and rate-limit usage, never credentials", async () => {
    const { token } = await userWithToken("viewer");
    const res = await call(listAccountsRoute, { token });
    expect(res.status).toBe(200);
    const data = res.json.data as { kind: string; mode: string; baseUrl: string; usage: unknown }[];
    expect(data.map((a) => [a.kind, a.mode])).toEqual([["main", "demo"], ["fbe", "demo"]]);
    expect(data[0]!.usage).toMatchObject({ buckets: expect.any(Object) });
    expect(res.text).not.toMatch(/demo-main-pass|demo-fbe-pass|password/i);
  });
});
