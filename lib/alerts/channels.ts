// Alert channels: CRUD (audited, secrets never in responses or audit rows) and the stored config.
// A webhook URL may carry a token (Slack's does), so only its origin ever leaves the server.
import { AppError, fieldError } from "@/lib/api/errors";
import { recordAudit, type AuditActor } from "@/lib/audit";
import { db } from "@/lib/db";
import type { AlertChannel, Prisma } from "@/lib/generated/prisma/client";
import type { ChannelJson, ChannelKind, CreateChannelInput, UpdateChannelInput } from "./api-types";

export type ChannelConfig = { to: string[] } | { url: string };
const CREATE_LOCK = 7_240_311;

/** The origin of a webhook URL ("https://hooks.slack.com/…"): no credentials, path or query. */
export function maskUrl(url: string): string {
  try {
    return `${new URL(url).origin}/…`;
  } catch {
    return "…";
  }
}

export const recipientsOf = (c: Pick<AlertChannel, "config">): string[] => ((c.config as { to?: string[] }).to ?? []).filter((s) => typeof s === "string");
export const urlOf = (c: Pick<AlertChannel, "config">): string | null => {
  const url = (c.config as { url?: unknown }).url;
  return typeof url === "string" ? url : null;
};

export function serializeChannel(c: AlertChannel): ChannelJson {
  const url = c.kind === "webhook" ? urlOf(c) : null;
  return {
    id: c.id,
    kind: c.kind as ChannelKind,
    name: c.name,
    enabled: c.enabled,
    to: c.kind === "email" ? recipientsOf(c) : null,
    url_masked: url ? maskUrl(url) : null,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

/** What an audit row may say about a channel: the masked URL, never the URL. */
const auditValues = (c: ChannelJson) => ({ kind: c.kind, name: c.name, enabled: c.enabled, to: c.to, url: c.url_masked });

export async function listChannels(): Promise<{ data: ChannelJson[] }> {
  const rows = await db.alertChannel.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return { data: rows.map(serializeChannel) };
}

export async function getChannelRow(id: string): Promise<AlertChannel> {
  const row = await db.alertChannel.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "Alert channel not found");
  return row;
}

export async function createChannel(input: CreateChannelInput, actor: AuditActor = {}): Promise<ChannelJson> {
  const config: ChannelConfig = input.kind === "email" ? { to: [...new Set(input.to.map((t) => t.toLowerCase()))] } : { url: input.url };
  return db.$transaction(async (tx) => {
    // Names are unique (case-insensitive), so a double-submitted form cannot add a channel twice; the lock serialises the check and the insert.
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${CREATE_LOCK}::bigint)) l`;
    if (await tx.alertChannel.findFirst({ where: { name: { equals: input.name, mode: "insensitive" } }, select: { id: true } }))
      throw fieldError("conflict", "name", "a channel with this name exists");
    const row = await tx.alertChannel.create({ data: { kind: input.kind, name: input.name, enabled: input.enabled, config: config as Prisma.InputJsonObject } });
    const json = serializeChannel(row);
    await recordAudit(tx, { actorId: actor.userId ?? null, requestId: actor.requestId ?? null, action: "alert_channel.create", entityType: "alert_channel", entityId: row.id, newValues: auditValues(json) });
    return json;
  });
}

export async function updateChannel(id: string, input: UpdateChannelInput, actor: AuditActor = {}): Promise<ChannelJson> {
  return db.$transaction(async (tx) => {
    const row = await tx.alertChannel.findUnique({ where: { id } });
    if (!row) throw new AppError("not_found", "Alert channel not found");
    if (input.to !== undefined && row.kind !== "email") throw fieldError("unprocessable_entity", "to", "only e-mail channels have recipients");
    if (input.url !== undefined && row.kind !== "webhook") throw fieldError("unprocessable_entity", "url", "only webhook channels have a URL");
    if (input.name !== undefined && (await tx.alertChannel.findFirst({ where: { id: { not: id }, name: { equals: input.name, mode: "insensitive" } }, select: { id: true } })))
      throw fieldError("conflict", "name", "a channel with this name exists");
    const config: ChannelConfig | undefined =
      input.to !== undefined ? { to: [...new Set(input.to.map((t) => t.toLowerCase()))] } : input.url !== undefined ? { url: input.url } : undefined;
    const updated = await tx.alertChannel.update({
      where: { id },
      data: { name: input.name, enabled: input.enabled, ...(config ? { config: config as Prisma.InputJsonObject } : {}) },
    });
    const json = serializeChannel(updated);
    await recordAudit(tx, {
      actorId: actor.userId ?? null,
      requestId: actor.requestId ?? null,
      action: "alert_channel.update",
      entityType: "alert_channel",
      entityId: id,
      oldValues: auditValues(serializeChannel(row)),
      newValues: { ...auditValues(json), ...(input.url !== undefined ? { url_changed: true } : {}) },
    });
    return json;
  });
}

/** Deletes a channel; its past delivery attempts stay (with the channel's name) in the alert history. */
export async function deleteChannel(id: string, actor: AuditActor = {}): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.alertChannel.findUnique({ where: { id } });
    if (!row) throw new AppError("not_found", "Alert channel not found");
    await tx.alertChannel.delete({ where: { id } });
    await recordAudit(tx, { actorId: actor.userId ?? null, requestId: actor.requestId ?? null, action: "alert_channel.delete", entityType: "alert_channel", entityId: id, oldValues: auditValues(serializeChannel(row)) });
    return { id };
  });
}
