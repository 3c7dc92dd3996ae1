// Admin changes to an eMAG account: credentials (tested against eMAG before they are saved,
// stored encrypted), settings, and the callback token. Each change is one transaction with its
// audit entry (never the secret), then "emag.account-changed" on the cluster bus so every
// instance rebuilds the account's client (lib/accounts/snapshot.ts; config_version bounds a lost message).
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError, fieldError } from "@/lib/api/errors";
import { recordAudit, type AuditActor } from "@/lib/audit";
import { publish } from "@/lib/cluster/bus";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secrets";
import { requireStorageKey } from "@/lib/crypto/keys";
import { db } from "@/lib/db";
import { createUnsavedEmagClient } from "@/lib/emag/config";
import { isEmagApiError } from "@/lib/emag/errors";
import { emagCredentials, env } from "@/lib/env";
import { callbackUrlFor } from "@/lib/orders/service";
import { credentialsRefFor, ensureEmagAccounts } from "./ensure";
import type { AccountKind } from "./kinds";
import { emagFailureReasons, getAccountView } from "./service";
import { passwordAad, startAccountSnapshot } from "./snapshot";

const nullable = <T extends z.ZodType>(s: T) => s.nullable().optional();

export const updateAccountSchema = z
  .object({
    display_name: z.string().trim().min(1).max(100).optional(),
    username: z.string().trim().min(1, "must not be empty").max(200).optional(),
    password: z.string().min(1, "must not be empty").max(500).optional(),
    base_url: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(500).optional(),
    /** null: follow ORDERS_AUTO_ACKNOWLEDGE. */
    auto_acknowledge: nullable(z.boolean()),
    awb_sender_name: nullable(z.string().trim().min(3, "at least 3 characters").max(100)),
    awb_sender_phone: nullable(z.string().trim().regex(/^\+?\d{8,11}$/, "8-11 digits")),
    awb_pickup_address_id: nullable(z.string().trim().regex(/^\d{1,20}$/, "an eMAG address id (digits)")),
    regenerate_callback_token: z.literal(true).optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "nothing to change", path: ["(body)"] });
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;

type Creds = { baseUrl: string; username: string; password: string };

/** The test before save: product_offer/count with the new credentials. Refusals are 422 with eMAG's words. */
async function verifyCredentials(kind: AccountKind, creds: Creds): Promise<number> {
  const client = createUnsavedEmagClient(kind, creds);
  try {
    return (await client.productOffer.count({}, { signal: AbortSignal.timeout(20_000) })).noOfItems;
  } catch (err) {
    if (!isEmagApiError(err)) throw err;
    const said = err.messages.length ? err.messages.join("; ") : (emagFailureReasons[err.code] ?? "the request failed");
    const status = err.status ? ` (HTTP ${err.status})` : "";
    const credentialsProblem = err.code === "auth" || err.code === "api_error";
    const field = credentialsProblem ? "password" : "base_url";
    // Capitalised: the form shows it under the field as it is.
    const message = credentialsProblem
      ? `Refused by eMAG${status}: ${said}`
      : `No usable answer from ${creds.baseUrl}${status}: ${emagFailureReasons[err.code] ?? "the request failed"}${err.messages.length ? ` (${said})` : ""}`;
    throw new AppError("unprocessable_entity", `${field}: ${message} Nothing was saved; the account keeps its current connection.`, {
      details: [{ field, message, emag_error: err.code, emag_status: err.status ?? null, emag_messages: err.messages }],
    });
  } finally {
    await client.close();
  }
}

async function currentRow(kind: AccountKind) {
  const row = await db.emagAccount.findUnique({ where: { kind } });
  if (row) return row;
  await ensureEmagAccounts();
  return db.emagAccount.findUniqueOrThrow({ where: { kind } });
}

/** PATCH /api/v1/emag/accounts/{account}. Repeating the same request changes nothing (and audits nothing). */
export async function updateAccount(kind: AccountKind, raw: unknown, actor: AuditActor) {
  const input = updateAccountSchema.parse(raw);
  await startAccountSnapshot(); // this instance listens before it publishes
  const row = await currentRow(kind);
  const e = env();
  const touchesCredentials = input.username !== undefined || input.password !== undefined || input.base_url !== undefined;
  if (touchesCredentials && emagCredentials(kind))
    throw fieldError("conflict", "username", `set by environment variables EMAG_${kind.toUpperCase()}_USERNAME/PASSWORD, which override anything stored; unset them to manage the credentials here`);

  const data: Record<string, unknown> = {};
  const audit: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  const set = (column: string, auditKey: string, next: unknown, prev: unknown) => {
    if (next === undefined || next === prev) return;
    data[column] = next;
    audit[auditKey] = next;
    before[auditKey] = prev;
  };
  set("displayName", "display_name", input.display_name, row.displayName);
  set("autoAcknowledge", "auto_acknowledge", input.auto_acknowledge, row.autoAcknowledge);
  set("awbSenderName", "awb_sender_name", input.awb_sender_name, row.awbSenderName);
  set("awbSenderPhone", "awb_sender_phone", input.awb_sender_phone, row.awbSenderPhone);
  set("awbPickupAddressId", "awb_pickup_address_id", input.awb_pickup_address_id, row.awbPickupAddressId);

  let connection: { total_products: number } | null = null;
  if (touchesCredentials) {
    const { ring, key } = await requireStorageKey();
    let storedPassword: string | null = null;
    if (row.passwordCipher) {
      try {
        storedPassword = decryptSecret(row.passwordCipher, ring.all, passwordAad(kind));
      } catch {
        storedPassword = null; // unreadable (lost key): the admin must enter the password again
      }
    }
    const next: Creds = {
      username: input.username ?? row.username ?? "",
      password: input.password ?? storedPassword ?? "",
      baseUrl: (input.base_url ?? row.baseUrl ?? e.EMAG_API_URL).replace(/\/+$/, ""),
    };
    if (!next.username) throw fieldError("unprocessable_entity", "username", "required to connect the account");
    if (!next.password) throw fieldError("unprocessable_entity", "password", row.passwordCipher ? "the stored password cannot be decrypted; enter it again" : "required to connect the account");
    const unchanged = next.username === row.username && next.password === storedPassword && next.baseUrl === (row.baseUrl ?? e.EMAG_API_URL.replace(/\/+$/, ""));
    if (!unchanged) {
      connection = { total_products: await verifyCredentials(kind, next) };
      set("username", "username", next.username, row.username);
      set("baseUrl", "base_url", next.baseUrl, row.baseUrl);
      data.passwordCipher = encryptSecret(next.password, key, passwordAad(kind));
      data.keyId = key.id;
      data.credentialsRef = credentialsRefFor(kind, true);
      if (next.password !== storedPassword) audit.password = true; // recorded as "[changed]" by the audit scrubber
    }
  }
  if (input.regenerate_callback_token) {
    data.callbackToken = randomBytes(24).toString("base64url");
    audit.callback_token_regenerated = true;
  }

  if (Object.keys(data).length === 0) return { data: await getAccountView(kind, { admin: true }), changed: false, connection };
  await commit(kind, row.configVersion, data, { action: "emag_account.update", before, after: audit }, actor);
  if (typeof data.callbackToken === "string") await repointDemoCallbacks(kind, data.callbackToken);
  return { data: await getAccountView(kind, { admin: true }), changed: true, connection };
}

/** DELETE /api/v1/emag/accounts/{account}/credentials: back to the environment's credentials or demo mode. */
export async function clearStoredCredentials(kind: AccountKind, actor: AuditActor) {
  await startAccountSnapshot();
  const row = await currentRow(kind);
  if (!row.passwordCipher && !row.username && !row.baseUrl) return { data: await getAccountView(kind, { admin: true }), changed: false };
  await commit(
    kind,
    row.configVersion,
    { username: null, passwordCipher: null, keyId: null, baseUrl: null, credentialsRef: credentialsRefFor(kind, false) },
    { action: "emag_account.credentials_removed", before: { username: row.username, base_url: row.baseUrl }, after: { password: true } },
    actor,
  );
  return { data: await getAccountView(kind, { admin: true }), changed: true };
}

/** Demo mode: the in-process simulator calls the app like eMAG would, so it gets the new URL too. */
async function repointDemoCallbacks(kind: AccountKind, token: string) {
  const { demoSimulator } = await import("@/lib/boot/demo");
  demoSimulator()?.setCallbackUrl(kind, callbackUrlFor(kind, token, `http://127.0.0.1:${env().PORT}`));
}

async function commit(
  kind: AccountKind,
  version: number,
  data: Record<string, unknown>,
  entry: { action: string; before: Record<string, unknown>; after: Record<string, unknown> },
  actor: AuditActor,
) {
  await db.$transaction(async (tx) => {
    // Optimistic: the credentials just tested must not be combined with someone else's concurrent change.
    const updated = await tx.emagAccount.updateMany({ where: { kind, configVersion: version }, data: { ...data, configVersion: { increment: 1 } } });
    if (updated.count !== 1) throw new AppError("conflict", "The account was changed by someone else meanwhile; reload and try again");
    const id = (await tx.emagAccount.findUniqueOrThrow({ where: { kind }, select: { id: true } })).id;
    await recordAudit(tx, {
      actorId: actor.userId ?? null,
      requestId: actor.requestId ?? null,
      action: entry.action,
      entityType: "emag_account",
      entityId: id,
      oldValues: { kind, ...entry.before },
      newValues: { kind, ...entry.after },
    });
  });
  await publish("emag.account-changed", { kind });
}
