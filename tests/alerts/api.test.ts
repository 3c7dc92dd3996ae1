// The alerts API through its real route handlers: validation names the field, webhook URLs never
// come back, "send test alert" reports the channel's own verdict, and only admins get in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as alertsRoute from "@/app/api/v1/alerts/route";
import * as channelRoute from "@/app/api/v1/alerts/channels/[id]/route";
import * as testRoute from "@/app/api/v1/alerts/channels/[id]/test/route";
import * as channelsRoute from "@/app/api/v1/alerts/channels/route";
import * as ruleRoute from "@/app/api/v1/alerts/rules/[id]/route";
import * as rulesRoute from "@/app/api/v1/alerts/rules/route";
import { alertsSettled, raiseAlert } from "@/lib/alerts/raise";
import { db } from "@/lib/db";
import { closeMail } from "@/lib/mail/send";
import { call, userWithToken } from "../helpers/api";
import { useIsolatedDatabase } from "../sync/support";
import { startReceiver, startSmtp, useAlertEnv } from "./support";

useIsolatedDatabase();

let admin: string;
let manager: string;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let hook: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  smtp = await startSmtp();
  hook = await startReceiver();
  useAlertEnv(smtp.url);
  admin = (await userWithToken("admin")).token;
  manager = (await userWithToken("manager")).token;
});
afterAll(async () => {
  closeMail();
  await smtp.close();
  await hook.close();
});

const fieldsOf = (json: { error?: { details?: unknown } }) => ((json.error?.details ?? []) as { field: string }[]).map((d) => d.field);

describe("alert channels API", () => {
  it("refuses a non-http(s) webhook URL and bad e-mail addresses, naming the field", async () => {
    const bad = await call(channelsRoute.POST, { method: "POST", token: admin, body: { kind: "webhook", name: "x", url: "javascript:alert(1)" } });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.json)).toEqual(["url"]);
    const mail = await call(channelsRoute.POST, { method: "POST", token: admin, body: { kind: "email", name: "x", to: ["ok@example.com", "not-an-address"] } });
    expect(mail.status).toBe(422);
    expect(fieldsOf(mail.json)).toEqual(["to.1"]);
    const kind = await call(channelsRoute.POST, { method: "POST", token: admin, body: { kind: "sms", name: "x" } });
    expect(kind.status).toBe(422);
    expect(fieldsOf(kind.json)).toEqual(["kind"]);
    const json = await call(channelsRoute.POST, { method: "POST", token: admin, rawBody: "{nope" });
    expect(json.status).toBe(400);
  });

  it("never returns a webhook URL: only its origin, also after an edit", async () => {
    const created = await call(channelsRoute.POST, { method: "POST", token: admin, body: { kind: "webhook", name: "Slack", url: hook.url } });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain("secret-token");
    expect(created.json).toMatchObject({ kind: "webhook", name: "Slack", enabled: true, url_masked: `${new URL(hook.url).origin}/…`, to: null });
    const id = created.json.id as string;
    const patched = await call(channelRoute.PATCH, { method: "PATCH", token: admin, params: { id }, body: { name: "Slack #ops" } });
    expect(patched.status).toBe(200);
    expect(patched.text).not.toContain("secret-token");
    const list = await call(channelsRoute.GET, { token: admin });
    expect(list.text).not.toContain("secret-token");
    const audit = await db.auditLog.findMany({ where: { entityType: "alert_channel" } });
    expect(JSON.stringify(audit)).not.toContain("secret-token");
    // The stored URL is the real one: the test alert reaches it.
    const test = await call(testRoute.POST, { method: "POST", token: admin, params: { id } });
    expect(test.json).toEqual({ ok: true, error: null });
    expect(hook.received.at(-1)?.body.text).toMatch(/^\[test\] Test alert from MagFlow/);
  });

  it("a second channel of the same name (a double-submitted form) is 409 naming the field", async () => {
    const body = { kind: "email", name: "Twice", to: ["twice@example.com"] };
    const [a, b] = await Promise.all([call(channelsRoute.POST, { method: "POST", token: admin, body }), call(channelsRoute.POST, { method: "POST", token: admin, body })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(fieldsOf(a.status === 409 ? a.json : b.json)).toEqual(["name"]);
    expect(await db.alertChannel.count({ where: { name: "Twice" } })).toBe(1);
  });

  it("a recipients list on a webhook is refused naming the field", async () => {
    const created = await call(channelsRoute.POST, { method: "POST", token: admin, body: { kind: "webhook", name: "W", url: "https://example.com/hook" } });
    const res = await call(channelRoute.PATCH, { method: "PATCH", token: admin, params: { id: created.json.id as string }, body: { to: ["a@example.com"] } });
    expect(res.status).toBe(422);
    expect(fieldsOf(res.json)).toEqual(["to"]);
  });

  it("send test alert reports the channel's error (a webhook that answers 500) and success by e-mail", async () => {
    const failing = await call(channelsRoute.POST, { method: "POST", token: admin, body: { kind: "webhook", name: "Broken", url: hook.url } });
    hook.answers.push(500);
    const res = await call(testRoute.POST, { method: "POST", token: admin, params: { id: failing.json.id as string } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: false, error: "webhook answered HTTP 500" });

    const mail = await call(channelsRoute.POST, { method: "POST", token: admin, body: { kind: "email", name: "Ops", to: ["Ops@Example.com"] } });
    expect(mail.json.to).toEqual(["ops@example.com"]);
    const ok = await call(testRoute.POST, { method: "POST", token: admin, params: { id: mail.json.id as string } });
    expect(ok.json).toEqual({ ok: true, error: null });
    expect(smtp.messages.at(-1)).toMatchObject({ to: ["ops@example.com"], subject: "[MagFlow test] Info: Test alert from MagFlow to “Ops”" });
  });

  it("deletes a channel; an unknown id is 404, a malformed one 400", async () => {
    const c = await call(channelsRoute.POST, { method: "POST", token: admin, body: { kind: "email", name: "Temp", to: ["t@example.com"] } });
    expect((await call(channelRoute.DELETE, { method: "DELETE", token: admin, params: { id: c.json.id as string } })).status).toBe(200);
    expect((await call(channelRoute.DELETE, { method: "DELETE", token: admin, params: { id: c.json.id as string } })).status).toBe(404);
    expect((await call(testRoute.POST, { method: "POST", token: admin, params: { id: "nope" } })).status).toBe(400);
  });

  it("is admin only", async () => {
    expect((await call(channelsRoute.GET, { token: manager })).status).toBe(403);
    expect((await call(rulesRoute.GET, { token: manager })).status).toBe(403);
    expect((await call(alertsRoute.GET, {})).status).toBe(401);
  });
});

describe("alert rules API", () => {
  it("lists every rule with its defaults", async () => {
    const res = await call(rulesRoute.GET, { token: admin });
    const rules = res.json.data as { id: string; enabled: boolean; threshold: number | null; customized: boolean }[];
    expect(rules.map((r) => r.id)).toEqual(["sync.failed", "sync.stuck", "emag.errors", "orders.unacknowledged", "order.high_value", "inventory.low_stock"]);
    expect(rules.every((r) => r.enabled && !r.customized)).toBe(true);
    expect(rules.find((r) => r.id === "order.high_value")?.threshold).toBe(5000);
  });

  it("edits enabled and threshold; a threshold out of range or on a rule without one is 422 naming it; unknown rule 404", async () => {
    const ok = await call(ruleRoute.PATCH, { method: "PATCH", token: admin, params: { id: "orders.unacknowledged" }, body: { enabled: false, threshold: 4 } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ id: "orders.unacknowledged", enabled: false, threshold: 4, customized: true });
    const range = await call(ruleRoute.PATCH, { method: "PATCH", token: admin, params: { id: "orders.unacknowledged" }, body: { threshold: 1000 } });
    expect(range.status).toBe(422);
    expect(fieldsOf(range.json)).toEqual(["threshold"]);
    const none = await call(ruleRoute.PATCH, { method: "PATCH", token: admin, params: { id: "sync.failed" }, body: { threshold: 3 } });
    expect(fieldsOf(none.json)).toEqual(["threshold"]);
    const type = await call(ruleRoute.PATCH, { method: "PATCH", token: admin, params: { id: "sync.failed" }, body: { enabled: "yes" } });
    expect(type.status).toBe(422);
    expect(fieldsOf(type.json)).toEqual(["enabled"]);
    expect((await call(ruleRoute.PATCH, { method: "PATCH", token: admin, params: { id: "no.such" }, body: { enabled: true } })).status).toBe(404);
  });
});

describe("alert history API", () => {
  it("pages recent alerts with counts; a bad page size is 400 naming it", async () => {
    await db.alertChannel.updateMany({ data: { enabled: false } });
    for (const kind of ["products", "orders"] as const)
      for (let i = 0; i < 3; i++) await raiseAlert("sync.failed", { kind, syncId: `s${i}`, status: "failed", accounts: ["main"] });
    await alertsSettled();
    const page = await call(alertsRoute.GET, { token: admin, path: "/api/v1/alerts?page=1&pageSize=1" });
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect((page.json.data as { count: number; status: string }[])[0]).toMatchObject({ count: 3, status: "no_channels" });
    const filtered = await call(alertsRoute.GET, { token: admin, path: "/api/v1/alerts?status=delivered" });
    expect(filtered.json.total).toBe(0);
    const bad = await call(alertsRoute.GET, { token: admin, path: "/api/v1/alerts?pageSize=1000" });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.json)).toEqual(["pageSize"]);
  });
});
