// Stored eMAG credentials end to end: an admin points MAIN at a second simulator with other
// credentials; the test before save passes, the very next calls and sync use them (the second
// simulator's counters prove it), the database holds ciphertext only, no response carries the
// password, and wrong credentials are refused with eMAG's message while the old ones keep working.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/emag/accounts/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/emag/accounts/[account]/route";
import { DELETE as clearRoute } from "@/app/api/v1/emag/accounts/[account]/credentials/route";
import { POST as testConnectionRoute } from "@/app/api/v1/emag/products/test-connection/route";
import { autoAcknowledgeAccounts, awbDefaults } from "@/lib/accounts/settings";
import { checkAccountVersions, passwordAad, storedAccount } from "@/lib/accounts/snapshot";
import { db } from "@/lib/db";
import { emagAccountConfig, getEmagClient } from "@/lib/emag/config";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { env, resetEnvForTests } from "@/lib/env";
import { verifyCallbackToken } from "@/lib/orders/service";
import { syncProductsNow } from "@/lib/sync/service";
import { encryptSecret, parseKey } from "@/lib/crypto/secrets";
import { call, userWithToken } from "../helpers/api";
import { newKey, simRequests, startSim, useAccountsEnvironment } from "./support";

const ctx = useAccountsEnvironment();
const LIVE = { username: "seller-main@example.ro", password: "Xq7-plain-Pa55word-9f3e" };
let live: EmagSimulator;
let admin: Awaited<ReturnType<typeof userWithToken>>;

beforeAll(async () => {
  live = await startSim({ products: { main: 37, fbe: 3 }, credentials: { main: LIVE } });
  admin = await userWithToken("admin");
});
afterAll(async () => {
  await live?.close();
});

const patch = (body: unknown, token = admin.token, account = "main") => call(patchRoute, { method: "PATCH", token, params: { account }, body });
const testConnection = (token = admin.token) => call(testConnectionRoute, { method: "POST", token, path: "/x?account_type=main" });

async function everyTableAsText(): Promise<string> {
  const c = new pg.Client({ connectionString: env().DATABASE_URL });
  await c.connect();
  try {
    const tables = await c.query<{ t: string }>(`SELECT quote_ident(table_name) AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    let out = "";
    for (const { t } of tables.rows) out += (await c.query<{ j: string | null }>(`SELECT string_agg(row_to_json(x)::text, E'\\n') AS j FROM ${t} x`)).rows[0]?.j ?? "";
    return out;
  } finally {
    await c.end();
  }
}

describe("stored eMAG credentials", () => {
  it("starts in demo mode against the demo simulator", async () => {
    expect(emagAccountConfig("main")).toMatchObject({ mode: "demo", source: "demo", baseUrl: ctx.demo.url });
    expect((await testConnection()).json).toMatchObject({ data: { mode: "demo", total_products: 11 } });
  });

  it("saves credentials after testing them; the next calls and the next sync use them, with no restart", async () => {
    const demoBefore = await simRequests(ctx.demo, "main");
    const res = await patch({ display_name: "Shop MAIN", username: LIVE.username, password: LIVE.password, base_url: live.url });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ changed: true, connection: { total_products: 37 }, data: { mode: "live", source: "stored", baseUrl: live.url, username: LIVE.username, secret_set: true, displayName: "Shop MAIN" } });
    expect(res.text).not.toContain(LIVE.password);
    expect(await simRequests(live, "main")).toBe(1); // the test before save

    const conn = await testConnection();
    expect(conn.status).toBe(200);
    expect(conn.json).toMatchObject({ data: { mode: "live", base_url: live.url, total_products: 37 } });
    expect(await simRequests(live, "main")).toBe(2);

    const sync = await syncProductsNow({ account_type: "main", mode: "full" }, { triggeredBy: "user" });
    expect(sync.status).toBe("completed");
    expect(await db.emagProduct.count({ where: { account: "main" } })).toBe(37);
    expect(await simRequests(live, "main")).toBeGreaterThan(2);
    expect(await simRequests(ctx.demo, "main")).toBe(demoBefore); // the demo simulator saw no MAIN call since
    expect(emagAccountConfig("fbe").mode).toBe("demo"); // demo mode is per account
  });

  it("keeps only ciphertext in the database, and no API response carries the password", async () => {
    const c = new pg.Client({ connectionString: env().DATABASE_URL });
    await c.connect();
    const rows = (await c.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM emag_accounts t`)).rows.map((r) => r.j).join("\n");
    await c.end();
    expect(rows).toContain(LIVE.username);
    expect(rows).toMatch(/"password_cipher":"v1\.[0-9a-f]{12}\./);
    expect(rows).not.toContain(LIVE.password);
    expect(await everyTableAsText()).not.toContain(LIVE.password); // audit_logs, sync_logs, everything

    const viewer = await userWithToken("viewer");
    for (const token of [admin.token, viewer.token]) {
      const list = await call(listRoute, { token });
      const one = await call(getRoute, { token, params: { account: "main" } });
      expect([list.status, one.status]).toEqual([200, 200]);
      for (const r of [list, one]) expect(r.text).not.toContain(LIVE.password);
    }
    const asViewer = await call(getRoute, { token: viewer.token, params: { account: "main" } });
    expect(asViewer.json.data).toMatchObject({ username: null, callback_url: null, secret_set: true, mode: "live" });
  });

  it("refuses wrong credentials at save with eMAG's own message; the old ones keep working", async () => {
    const version = (await db.emagAccount.findUniqueOrThrow({ where: { kind: "main" } })).configVersion;
    const res = await patch({ password: "not-the-password" });
    expect(res.status).toBe(422);
    expect(res.json.error?.message).toMatch(/^password: Refused by eMAG \(HTTP 403\): You are not allowed to use this API\. Nothing was saved/);
    expect(res.json.error?.details).toEqual([expect.objectContaining({ field: "password", emag_error: "auth", emag_messages: ["You are not allowed to use this API."] })]);
    expect(res.text).not.toContain("not-the-password");

    const unreachable = await patch({ base_url: "http://127.0.0.1:9/api-3" });
    expect(unreachable.status).toBe(422);
    expect(unreachable.json.error?.details).toEqual([expect.objectContaining({ field: "base_url" })]);

    expect((await db.emagAccount.findUniqueOrThrow({ where: { kind: "main" } })).configVersion).toBe(version);
    const before = await simRequests(live, "main");
    expect((await testConnection()).json).toMatchObject({ data: { mode: "live", base_url: live.url } });
    expect(await simRequests(live, "main")).toBe(before + 1);
  });

  it("validates input naming the field, and only admins may change accounts", async () => {
    const bad = await patch({ base_url: "ftp://x", awb_sender_phone: "12" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json.error?.details)).toMatch(/"field":"base_url".*"field":"awb_sender_phone"/);
    expect((await patch({})).status).toBe(422);
    expect((await patch({ password: "x" }, admin.token, "gold")).status).toBe(400);
    expect((await patch({ surprise: 1 })).status).toBe(422);
    for (const role of ["manager", "viewer"] as const) {
      const { token } = await userWithToken(role);
      expect((await patch({ display_name: "x" }, token)).status).toBe(403);
      expect((await call(clearRoute, { method: "DELETE", token, params: { account: "main" } })).status).toBe(403);
    }
  });

  it("repeating the same save changes nothing and calls eMAG no more", async () => {
    const before = await simRequests(live, "main");
    const audits = await db.auditLog.count({ where: { entityType: "emag_account" } });
    const res = await patch({ username: LIVE.username, password: LIVE.password, base_url: live.url });
    expect(res.json).toMatchObject({ changed: false });
    expect(await simRequests(live, "main")).toBe(before);
    expect(await db.auditLog.count({ where: { entityType: "emag_account" } })).toBe(audits);
  });

  it("audits every change with who made it, never the secret", async () => {
    const entries = await db.auditLog.findMany({ where: { entityType: "emag_account" }, orderBy: { createdAt: "asc" } });
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries[0]).toMatchObject({ action: "emag_account.update", actorId: admin.user.id });
    expect(entries[0]!.newValues).toMatchObject({ kind: "main", username: LIVE.username, password: "[changed]", base_url: live.url });
    expect(JSON.stringify(entries)).not.toContain(LIVE.password);
  });

  it("per-account settings: auto-acknowledge and AWB sender override the environment's defaults", async () => {
    expect(await autoAcknowledgeAccounts()).toEqual(env().ORDERS_AUTO_ACKNOWLEDGE ? ["main", "fbe"] : []);
    const res = await patch({ auto_acknowledge: false, awb_sender_name: "Depozit Nord", awb_sender_phone: "0722000111", awb_pickup_address_id: "42" });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ settings: { auto_acknowledge: false, awb_sender_name: "Depozit Nord" } });
    expect(await patch({ auto_acknowledge: true }, admin.token, "fbe")).toMatchObject({ status: 200 });
    expect(await autoAcknowledgeAccounts()).toEqual(["fbe"]);
    expect(await awbDefaults("main")).toEqual({ senderName: "Depozit Nord", senderPhone: "0722000111", pickupAddressId: "42" });
    expect(await awbDefaults("fbe")).toEqual({ senderName: env().EMAG_SENDER_NAME, senderPhone: env().EMAG_SENDER_PHONE, pickupAddressId: null });
    await patch({ auto_acknowledge: null, awb_sender_name: null, awb_sender_phone: null, awb_pickup_address_id: null });
    await patch({ auto_acknowledge: null }, admin.token, "fbe");
    expect((await awbDefaults("main")).senderName).toBe(env().EMAG_SENDER_NAME);
  });

  it("regenerating the callback token invalidates the old one at once (checked against the database)", async () => {
    // The URL (it carries the secret) is disclosed by the list only, to admins.
    const tokenInList = async () => {
      const main = ((await call(listRoute, { token: admin.token })).json.data as { kind: string; callback_url: string }[]).find((a) => a.kind === "main")!;
      return new URL(main.callback_url).searchParams.get("token")!;
    };
    const oldToken = await tokenInList();
    expect(await verifyCallbackToken("main", oldToken)).toBe(true);
    const res = await patch({ regenerate_callback_token: true });
    expect(res.json).toMatchObject({ changed: true, data: { callback_url: null } });
    const newToken = await tokenInList();
    expect(newToken).not.toBe(oldToken);
    expect(await verifyCallbackToken("main", oldToken)).toBe(false);
    expect(await verifyCallbackToken("main", newToken)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "emag_account", newValues: { path: ["callback_token_regenerated"], equals: true } } });
    expect(JSON.stringify(audit)).not.toContain(newToken);
  });

  it("another instance's change reaches this one through config_version even when the bus message is lost", async () => {
    const client = getEmagClient("main");
    // Another instance removes the credentials; its bus message never arrives here.
    await db.emagAccount.update({ where: { kind: "main" }, data: { passwordCipher: null, username: null, baseUrl: null, configVersion: { increment: 1 } } });
    expect(emagAccountConfig("main").mode).toBe("live"); // not yet seen
    await checkAccountVersions(); // what the TTL timer runs
    expect(storedAccount("main")?.password).toBeNull();
    expect(emagAccountConfig("main")).toMatchObject({ mode: "demo", baseUrl: ctx.demo.url });
    expect(getEmagClient("main")).not.toBe(client); // rebuilt, with its own limiter key
  });

  it("environment variables win over stored credentials, and the API says so", async () => {
    await patch({ username: LIVE.username, password: LIVE.password, base_url: live.url });
    resetEnvForTests({ EMAG_MAIN_USERNAME: "env-user", EMAG_MAIN_PASSWORD: "env-secret-value", EMAG_API_URL: live.url });
    try {
      const one = await call(getRoute, { token: admin.token, params: { account: "main" } });
      expect(one.json.data).toMatchObject({ source: "env", env_override: true, username: "env-user", secret_set: true });
      expect(one.text).not.toContain("env-secret-value");
      const refused = await patch({ password: "anything" });
      expect(refused.status).toBe(409);
      expect(refused.json.error?.message).toMatch(/set by environment variables EMAG_MAIN_USERNAME\/PASSWORD/);
      expect((await patch({ display_name: "Settings still editable" })).status).toBe(200);
    } finally {
      resetEnvForTests({ EMAG_MAIN_USERNAME: undefined, EMAG_MAIN_PASSWORD: undefined, EMAG_API_URL: undefined });
    }
  });

  it("removing the stored credentials switches the account back to demo mode at once", async () => {
    const res = await call(clearRoute, { method: "DELETE", token: admin.token, params: { account: "main" } });
    expect(res.json).toMatchObject({ changed: true, data: { mode: "demo", secret_set: false } });
    expect((await call(clearRoute, { method: "DELETE", token: admin.token, params: { account: "main" } })).json).toMatchObject({ changed: false });
    expect((await testConnection()).json).toMatchObject({ data: { mode: "demo", base_url: ctx.demo.url } });
  });

  it("a ciphertext this instance cannot decrypt (lost key) leaves the account in demo mode and says why", async () => {
    const foreign = encryptSecret(LIVE.password, parseKey(newKey()), passwordAad("main"));
    await db.emagAccount.update({ where: { kind: "main" }, data: { username: LIVE.username, passwordCipher: foreign, baseUrl: live.url, configVersion: { increment: 1 } } });
    await checkAccountVersions();
    expect(emagAccountConfig("main").mode).toBe("demo");
    const one = await call(getRoute, { token: admin.token, params: { account: "main" } });
    expect(one.json.data).toMatchObject({ mode: "demo", secret_set: true, problem: expect.stringMatching(/cannot be decrypted/) });
    const again = await patch({ username: "someone-else" });
    expect(again.status).toBe(422);
    expect(again.json.error?.details).toEqual([expect.objectContaining({ field: "password", message: expect.stringMatching(/enter it again/) })]);
    expect((await patch({ password: LIVE.password })).json).toMatchObject({ changed: true, data: { mode: "live", problem: null } });
  });
});
