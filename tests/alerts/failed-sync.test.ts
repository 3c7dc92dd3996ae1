// The acceptance path: a product sync against a simulator forced to 100 % faults ends failed, and
// the sync's own hook (lib/sync/finish.ts) raises the alert: exactly one e-mail and one webhook.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannel } from "@/lib/alerts/channels";
import { alertsSettled } from "@/lib/alerts/raise";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { closeMail } from "@/lib/mail/send";
import { syncProductsNow } from "@/lib/sync/service";
import { simControl, startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";
import { startReceiver, startSmtp, useAlertEnv } from "./support";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let hook: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  smtp = await startSmtp();
  hook = await startReceiver();
  useAlertEnv(smtp.url);
  sim = await startFastSimulator({ products: { main: 50, fbe: 0 } });
  stopClients = useFastSyncClients(sim, { timeoutMs: 1000 });
  await simControl(sim, "config", { faultRate: 1, hangMs: 0 }); // the simulator's fault injection API: every request fails
  await createChannel({ kind: "email", name: "Ops mail", enabled: true, to: ["ops@example.com"] });
  await createChannel({ kind: "webhook", name: "Ops Slack", enabled: true, url: hook.url });
});
afterAll(async () => {
  await stopClients();
  await sim.close();
  closeMail();
  await smtp.close();
  await hook.close();
});

describe("a failed sync raises one alert", () => {
  it("sends exactly one e-mail and one webhook naming the failed sync", async () => {
    const sync = await syncProductsNow({ account_type: "main", mode: "full" }, { triggeredBy: "api" });
    expect(sync.status).toBe("failed");
    await alertsSettled();

    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.subject).toBe("[MagFlow] CRITICAL: Product sync failed (MAIN)");
    expect(smtp.messages[0]!.text).toContain(`Sync: ${sync.id}`);
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]!.body.text).toBe("Product sync failed (MAIN)");
    const alert = await db.alertWindow.findFirstOrThrow({ include: { deliveries: true } });
    expect(alert).toMatchObject({ ruleId: "sync.failed", subjectKey: "products:main", count: 1, status: "delivered" });
    expect(alert.deliveries.every((d) => d.ok)).toBe(true);
  });
});
