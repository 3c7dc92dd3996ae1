// Delivery end to end on real parts: PostgreSQL windows, the in-process delivery job, a real SMTP
// server and a real HTTP webhook receiver.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createChannel, updateChannel } from "@/lib/alerts/channels";
import { findAlerts } from "@/lib/alerts/history";
import { alertsSettled, raiseAlert } from "@/lib/alerts/raise";
import { updateRule } from "@/lib/alerts/settings";
import { db } from "@/lib/db";
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
  await createChannel({ kind: "email", name: "Ops mail", enabled: true, to: ["ops@example.com", "boss@example.com"] });
  await createChannel({ kind: "webhook", name: "Ops Slack", enabled: true, url: hook.url });
});
afterAll(async () => {
  closeMail();
  await smtp.close();
  await hook.close();
});
beforeEach(async () => {
  await alertsSettled();
  smtp.messages.length = 0;
  hook.received.length = 0;
  hook.answers.length = 0;
  await db.alertWindow.deleteMany();
});

const failedSync = (n: number) => ({ kind: "products" as const, syncId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, status: "failed", accounts: ["main"], error: `eMAG answered HTTP 500 (#${n})` });

describe("alert delivery", () => {
  it("one failed sync: one e-mail and one webhook with the alert's content", async () => {
    await raiseAlert("sync.failed", failedSync(1));
    await alertsSettled();

    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.to.sort()).toEqual(["boss@example.com", "ops@example.com"]);
    expect(mail.subject).toBe("[MagFlow] CRITICAL: Product sync failed (MAIN)");
    expect(mail.text).toContain("Rule: Sync failed or partial");
    expect(mail.text).toContain("Last error: eMAG answered HTTP 500 (#1)");
    expect(mail.text).toContain("Occurred once at");
    expect(mail.text).toMatch(/Open: http:\/\/\S+\/emag\/sync/);

    expect(hook.received).toHaveLength(1);
    const body = hook.received[0]!.body;
    expect(hook.received[0]!.path).toBe("/services/T0/B0/secret-token-123");
    expect(body.text).toBe("Product sync failed (MAIN)");
    expect(body.blocks?.[0]?.text?.text).toContain("*Product sync failed (MAIN)*");
    expect(body.blocks?.[0]?.text?.text).toContain("Last error: eMAG answered HTTP 500 (#1)");

    const { data } = await findAlerts({ page: 1, pageSize: 20 });
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ rule_id: "sync.failed", subject_key: "products:main", count: 1, sent_count: 1, status: "delivered" });
    expect(data[0]!.deliveries.map((d) => [d.channel_name, d.attempts, d.ok]).sort()).toEqual([["Ops Slack", 1, true], ["Ops mail", 1, true]]);
  });

  it("a storm of ten failures in the window sends one message carrying the count 10", async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => raiseAlert("sync.failed", failedSync(i + 1))));
    await alertsSettled();

    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.subject).toBe("[MagFlow] CRITICAL: Product sync failed (MAIN) (x10)");
    expect(smtp.messages[0]!.text).toContain("Occurred 10 times between");
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]!.body.text).toBe("Product sync failed (MAIN) (x10)");
    const rows = await db.alertWindow.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 10, sentCount: 10, status: "delivered" });

    // An eleventh failure in the same window only counts; nothing more is sent.
    await raiseAlert("sync.failed", failedSync(11));
    await alertsSettled();
    expect(smtp.messages).toHaveLength(1);
    expect(hook.received).toHaveLength(1);
    expect((await db.alertWindow.findFirstOrThrow()).count).toBe(11);
  });

  it("a webhook that answers 500 once is retried and delivered once; both attempts are recorded", async () => {
    hook.answers.push(500);
    await raiseAlert("sync.failed", { ...failedSync(1), kind: "orders", status: "partial" });
    await alertsSettled();

    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]!.body.text).toBe("Order sync finished with errors (MAIN)");
    expect(smtp.messages).toHaveLength(1); // the e-mail channel was not sent twice by the webhook's retry
    const attempts = await db.alertDelivery.findMany({ where: { channelKind: "webhook" }, orderBy: { attempt: "asc" } });
    expect(attempts.map((a) => [a.attempt, a.ok, a.error])).toEqual([[1, false, "webhook answered HTTP 500"], [2, true, null]]);
    const { data } = await findAlerts({ page: 1, pageSize: 20 });
    expect(data[0]!.status).toBe("delivered");
    expect(data[0]!.deliveries.find((d) => d.channel_kind === "webhook")).toMatchObject({ attempts: 2, ok: true, error: null });
  });

  it("a webhook that keeps failing ends failed, with the error of each attempt and the other channel delivered", async () => {
    hook.answers.push(503, 503, 503, 503, 503);
    await raiseAlert("sync.failed", failedSync(1));
    await alertsSettled();

    expect(hook.received).toHaveLength(0);
    expect(smtp.messages).toHaveLength(1);
    const { data } = await findAlerts({ page: 1, pageSize: 20 });
    expect(data[0]!.status).toBe("failed");
    expect(data[0]!.deliveries.find((d) => d.channel_kind === "webhook")).toMatchObject({ attempts: 5, ok: false, error: "webhook answered HTTP 503" });
    // The webhook URL (and its token) is in no stored error.
    const errors = (await db.alertDelivery.findMany()).map((d) => d.error ?? "").join(" ");
    expect(errors).not.toContain("secret-token");
  });

  it("a disabled rule raises nothing; a completed sync is no alert", async () => {
    await updateRule("sync.failed", { enabled: false });
    await raiseAlert("sync.failed", failedSync(1));
    await updateRule("sync.failed", { enabled: true });
    await raiseAlert("sync.failed", { ...failedSync(2), status: "completed" });
    await alertsSettled();
    expect(await db.alertWindow.count()).toBe(0);
    expect(smtp.messages).toHaveLength(0);
  });

  it("without enabled channels an alert is kept as no_channels", async () => {
    const channels = await db.alertChannel.findMany();
    for (const c of channels) await updateChannel(c.id, { enabled: false });
    try {
      await raiseAlert("sync.failed", failedSync(1));
      await alertsSettled();
    } finally {
      for (const c of channels) await updateChannel(c.id, { enabled: true });
    }
    expect(smtp.messages).toHaveLength(0);
    expect((await db.alertWindow.findFirstOrThrow()).status).toBe("no_channels");
  });
});
