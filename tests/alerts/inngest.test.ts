// The Inngest functions of alerts, run by @inngest/test against real PostgreSQL and a real webhook
// receiver: the delivery function sends each channel once, and a second run of one alert is a no-op.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertsCheck, deliverAlert } from "@/inngest/functions/alerts";
import { createChannel } from "@/lib/alerts/channels";
import { db } from "@/lib/db";
import { schedules } from "@/lib/jobs/schedules";
import { closeMail } from "@/lib/mail/send";
import { useIsolatedDatabase } from "../sync/support";
import { startReceiver, startSmtp, useAlertEnv } from "./support";

useIsolatedDatabase();

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let hook: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  smtp = await startSmtp();
  hook = await startReceiver();
  useAlertEnv(smtp.url);
  await createChannel({ kind: "webhook", name: "Hook", enabled: true, url: hook.url });
});
afterAll(async () => {
  closeMail();
  await smtp.close();
  await hook.close();
});

const event = (data: Record<string, unknown>) => [{ name: "alerts/alert.opened", data }] as [{ name: string; data: Record<string, unknown> }];

describe("alerts-deliver", () => {
  it("delivers an opened alert to every channel, once, however often it runs", async () => {
    const w = await db.alertWindow.create({
      data: { ruleId: "sync.stuck", subjectKey: "products", windowStart: new Date(), count: 3, severity: "warning", title: "3 stuck product syncs marked failed", deliverAfter: new Date(), details: { lines: ["Syncs: a, b, c"] } },
    });
    const data = { window_id: w.id, deliver_after: new Date(Date.now() - 1000).toISOString() };
    const { result } = await new InngestTestEngine({ function: deliverAlert, events: event(data) }).execute();
    expect(result).toMatchObject({ status: "delivered", channels: 1, failed: 0 });
    expect(hook.received.map((r) => r.body.text)).toEqual(["3 stuck product syncs marked failed (x3)"]);

    const again = await new InngestTestEngine({ function: deliverAlert, events: event(data) }).execute();
    expect(again.result).toMatchObject({ skipped: expect.any(String) });
    expect(hook.received).toHaveLength(1);
    expect(await db.alertWindow.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ status: "delivered", sentCount: 3 });
  });

  it("refuses a malformed event, naming its fields", async () => {
    const { error } = await new InngestTestEngine({ function: deliverAlert, events: event({ window_id: "nope" }) }).execute();
    const message = String((error as Error | undefined)?.message ?? error);
    expect(message).toContain("window_id");
    expect(message).toContain("deliver_after");
  });
});

describe("alerts-check-5min", () => {
  it("runs on the shared schedule and evaluates every periodic rule", async () => {
    expect(alertsCheck.opts.triggers).toEqual([{ cron: schedules.alertsCheck.cron }]);
    const { result } = await new InngestTestEngine({ function: alertsCheck }).execute();
    expect(result).toMatchObject({ opened: { "emag.errors": 0, "orders.unacknowledged": 0 }, resent: [] });
  });
});
