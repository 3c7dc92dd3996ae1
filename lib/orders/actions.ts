// Actions on one order, checked against eMAG's rules (lib/emag/order-rules.ts) before eMAG is
// called, and idempotent: acknowledging twice, generating an AWB twice or attaching the same
// invoice twice changes nothing the second time. After each action the order is re-read from eMAG.
// Each change is written to the order row and to the audit trail in one transaction.
import { createHash, randomBytes } from "node:crypto";
import { awbDefaults } from "@/lib/accounts/settings";
import { AppError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit";
import { cached } from "@/lib/cache";
import { db } from "@/lib/db";
import { isEmagApiError } from "@/lib/emag/errors";
import { orderTransitionError, ORDER_STATUS_LABELS } from "@/lib/emag/order-rules";
import type { AwbParty } from "@/lib/emag/types";
import { publicBaseUrl } from "@/lib/env";
import type { EmagOrder } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { notifySafely } from "@/lib/notifications/service";
import { announceOrders, orderLink } from "@/lib/orders/alerts";
import { mapOrder } from "@/lib/orders/map";
import { getOrderDetail, getOrderRecord } from "@/lib/orders/queries";
import type { AwbRequest } from "@/lib/orders/schemas";
import { upsertOrders } from "@/lib/orders/store";
import { emit } from "@/lib/realtime/emit";
import { syncClient } from "@/lib/sync/runtime";

export interface OrderActor {
  userId?: string | null;
  /** Shown in the order's timeline: a user's email, or "auto-acknowledge". */
  label: string;
  /** The request that asked for it (audit trail). */
  requestId?: string | null;
}

const clientFor = (o: Pick<EmagOrder, "account">) => syncClient(o.account);
const idOf = (o: Pick<EmagOrder, "emagOrderId">) => o.emagOrderId.toString();

/** eMAG refused (isError) -> 409 with eMAG's words; eMAG unreachable -> 502. */
function emagFailure(err: unknown, what: string): never {
  if (isEmagApiError(err)) {
    if (err.code === "api_error" || err.code === "invalid_request")
      throw new AppError("conflict", `eMAG refused to ${what}: ${err.messages.join("; ") || err.message}`, { details: { emag_messages: err.messages } });
    throw new AppError("bad_gateway", `eMAG could not be reached to ${what} (${err.code}); try again`, { details: { emag_error: err.code } });
  }
  throw err;
}

const COLUMN_TYPES = {
  status: "int",
  acknowledged_at: "timestamptz",
  finalized_at: "timestamptz",
  invoice_attached_at: "timestamptz",
  awb_requested_at: "timestamptz",
  awb: "jsonb",
  awb_number: "text",
  courier_name: "text",
  invoice_url: "text",
} as const;
type EventColumns = Partial<Record<keyof typeof COLUMN_TYPES, string | number | Date | null>>;

type RawClient = Pick<typeof db, "$executeRawUnsafe">;

/** Records what happened (status, timeline) in the row, in the same statement. */
async function recordEvent(client: RawClient, id: string, event: { event: string; detail: string; by: string }, set: EventColumns = {}) {
  const keys = Object.keys(set) as (keyof typeof COLUMN_TYPES)[];
  const assignments = keys.map((k, i) => `${k} = $${i + 3}::${COLUMN_TYPES[k]}`);
  const values = keys.map((k) => {
    const v = set[k];
    return v instanceof Date ? v.toISOString() : v;
  });
  await client.$executeRawUnsafe(
    `UPDATE emag_orders SET ${[...assignments, "timeline = timeline || $2::jsonb"].join(", ")} WHERE id = $1::uuid`,
    id,
    JSON.stringify([{ at: new Date().toISOString(), ...event }]),
    ...values,
  );
}

type AuditValues = { action: string; oldValues: Record<string, unknown>; newValues: Record<string, unknown> };

/**
 * The row's event and its audit entry, committed together. The actor is the user (id + request
 * id); a job has none, and says who it is in newValues.by.
 */
async function recordAction(o: EmagOrder, actor: OrderActor, event: { event: string; detail: string }, set: EventColumns, audit: AuditValues) {
  await db.$transaction(async (tx) => {
    await recordEvent(tx, o.id, { ...event, by: actor.label }, set);
    await recordAudit(tx, {
      actorId: actor.userId ?? null,
      requestId: actor.requestId ?? null,
      action: audit.action,
      entityType: "emag_order",
      entityId: o.id,
      oldValues: audit.oldValues,
      newValues: { ...audit.newValues, ...(actor.userId ? {} : { by: actor.label }) },
    });
  });
}

/** Re-reads the order from eMAG and stores it; best effort (the action itself already succeeded). */
async function refresh(o: EmagOrder) {
  try {
    const [fresh] = await clientFor(o).order.read({ id: idOf(o), type: o.type as 2 | 3, itemsPerPage: 1, currentPage: 1 });
    if (fresh) await announceOrders((await upsertOrders([mapOrder(o.account, fresh)])).written, { silent: true });
  } catch (err) {
    logger.warn({ err, order: idOf(o) }, "could not re-read the order after an action; the next sync will");
  }
}

function statusChanged(o: EmagOrder, to: number) {
  emit("order:updated", { id: o.id, account: o.account, emagOrderId: idOf(o), status: to, previousStatus: o.status });
}

export async function acknowledgeOrder(id: string, actor: OrderActor) {
  const o = await getOrderRecord(id);
  if (o.type !== 3) throw new AppError("conflict", `Order ${idOf(o)} is fulfilled by eMAG (FBE): eMAG acknowledges it, not the seller`);
  if (o.status === 0) throw new AppError("conflict", `Order ${idOf(o)} is canceled and cannot be acknowledged`);
  if (o.status !== 1) return { order: await getOrderDetail(id), changed: false };
  try {
    await clientFor(o).order.acknowledge(idOf(o));
  } catch (err) {
    emagFailure(err, `acknowledge order ${idOf(o)}`);
  }
  const at = new Date();
  await recordAction(o, actor, { event: "acknowledged", detail: "Status 1 → 2: acknowledged" }, { status: 2, acknowledged_at: at }, {
    action: "order.acknowledge",
    oldValues: { status: o.status, acknowledged_at: o.acknowledgedAt },
    newValues: { status: 2, acknowledged_at: at },
  });
  statusChanged(o, 2);
  await refresh(o);
  return { order: await getOrderDetail(id), changed: true };
}

export async function changeOrderStatus(id: string, input: { status: number; reason_cancellation?: number }, actor: OrderActor) {
  const o = await getOrderRecord(id);
  const to = input.status;
  if (to === o.status) return { order: await getOrderDetail(id), changed: false };
  if (o.type === 3 && o.status === 1 && to === 2) return acknowledgeOrder(id, actor);
  const inStatus = o.emagModifiedAt ? Date.now() - o.emagModifiedAt.getTime() : undefined;
  const refused = orderTransitionError(idOf(o), o.type, o.status, to, inStatus);
  if (refused) throw new AppError("conflict", refused, { details: { from: o.status, to } });
  const client = clientFor(o);
  try {
    // order/save wants the whole order as eMAG has it now, with the change applied (§6.7).
    const [current] = await client.order.read({ id: idOf(o), type: 3, itemsPerPage: 1, currentPage: 1 });
    if (!current) throw new AppError("not_found", `Order ${idOf(o)} no longer exists on eMAG`);
    const body: Record<string, unknown> = { ...current, id: idOf(o), status: to };
    if (to === 0) body.reason_cancellation = input.reason_cancellation;
    await client.order.save([body as { id: string; status: number }]);
  } catch (err) {
    if (err instanceof AppError) throw err;
    emagFailure(err, `move order ${idOf(o)} to status ${to}`);
  }
  const label = (s: number) => ORDER_STATUS_LABELS[s] ?? String(s);
  await recordAction(o, actor, { event: "status", detail: `Status ${o.status} → ${to}: ${label(o.status)} → ${label(to)}` }, { status: to }, {
    action: "order.status",
    oldValues: { status: o.status },
    newValues: { status: to, ...(to === 0 ? { reason_cancellation: input.reason_cancellation } : {}) },
  });
  statusChanged(o, to);
  await refresh(o);
  return { order: await getOrderDetail(id), changed: true };
}

const digits = (s: unknown) => String(s ?? "").replace(/\D/g, "").slice(-11);

/** A courier account of the account (courier_accounts/read), for the AWB modal; cached 1 h (they rarely change). */
export async function listCouriers(account: "main" | "fbe") {
  return cached("couriers", account, ["couriers"], async () => {
    try {
      const list = await syncClient(account).courierAccounts.read();
      return list.map((c) => ({
        account_id: c.account_id,
        display_name: c.account_display_name,
        courier_name: c.courier_name,
        type: c.courier_account_type,
        active: c.status !== 0,
      }));
    } catch (err) {
      emagFailure(err, "list courier accounts"); // throws, so a failure is never cached
    }
  });
}

export async function generateAwb(id: string, input: AwbRequest, actor: OrderActor) {
  let o = await getOrderRecord(id);
  if (o.type !== 3) throw new AppError("conflict", `Order ${idOf(o)} is fulfilled by eMAG (FBE): eMAG ships it, so the seller cannot generate an AWB`);
  if (o.awbNumber) return { order: await getOrderDetail(id), changed: false };
  if (o.status === 1) throw new AppError("conflict", `Order ${idOf(o)} is new: acknowledge it before generating an AWB`);
  if (![2, 3, 4].includes(o.status)) throw new AppError("conflict", `Order ${idOf(o)} is ${ORDER_STATUS_LABELS[o.status]?.toLowerCase()}: an AWB needs an order in progress or prepared`);
  // The claim: a second request while the first is at eMAG must not book a second shipment.
  const claimed = await db.$executeRawUnsafe(
    `UPDATE emag_orders SET awb_requested_at = now() WHERE id = $1::uuid AND awb_number IS NULL
       AND (awb_requested_at IS NULL OR awb_requested_at < now() - interval '2 minutes')`,
    o.id,
  );
  if (!claimed) {
    o = await getOrderRecord(id);
    if (o.awbNumber) return { order: await getOrderDetail(id), changed: false };
    throw new AppError("conflict", `An AWB for order ${idOf(o)} is being generated right now`);
  }
  try {
    const client = clientFor(o);
    const addresses = await client.addresses.read();
    // The account's own sender and pickup settings, else EMAG_SENDER_* and eMAG's default pickup address.
    const defaults = await awbDefaults(o.account);
    const pickup = defaults.pickupAddressId
      ? addresses.find((a) => String(a.address_id) === defaults.pickupAddressId)
      : (addresses.find((a) => a.address_type_id === 2 && a.is_default) ?? addresses.find((a) => a.address_type_id === 2));
    if (!pickup && defaults.pickupAddressId) throw new AppError("conflict", `The account's pickup address ${defaults.pickupAddressId} is not among its eMAG addresses (addresses/read); fix it on the eMAG accounts page`);
    if (!pickup) throw new AppError("conflict", "No pickup address is configured on eMAG (addresses/read returned none)");
    const ship = (o.shippingAddress ?? {}) as Record<string, string | null>;
    const sender: AwbParty = { name: defaults.senderName, contact: defaults.senderName, phone1: defaults.senderPhone, address_id: String(pickup.address_id), locality_id: String(pickup.locality_id ?? ""), street: pickup.address ?? "" };
    const receiver: AwbParty = {
      name: (o.customerCompany ?? o.customerName ?? ship.contact ?? "Client").padEnd(3, "."),
      contact: ship.contact ?? o.customerName ?? "Client",
      phone1: digits(ship.phone ?? o.customerPhone),
      legal_entity: o.customerCompany ? 1 : 0,
      locality_id: String(ship.locality_id ?? ""),
      street: ship.street ?? "",
      zipcode: ship.postal_code ?? undefined,
    };
    const [res] = await client.awb.save({
      order_id: idOf(o),
      sender,
      receiver,
      ...(o.lockerId ? { locker_id: o.lockerId } : {}),
      is_oversize: input.is_oversize,
      weight: input.weight,
      envelope_number: input.envelope_number,
      parcel_number: input.parcel_number,
      cod: o.paymentModeId === 1 ? Number(o.total) : 0,
      courier_account_id: input.courier_account_id,
      ...(input.observation ? { observation: input.observation } : {}),
    });
    const awbNumber = res?.awb[0]?.awb_number ?? null;
    if (!res || !awbNumber) throw new AppError("bad_gateway", "eMAG accepted the AWB but returned no AWB number; check eMAG before retrying");
    const finalizedAt = new Date();
    await recordAction(
      o,
      actor,
      { event: "awb", detail: `AWB ${awbNumber} (${res.courier_name ?? "courier"}) generated; status → 4` },
      { awb_number: awbNumber, courier_name: res.courier_name ?? null, awb: JSON.stringify(res), awb_requested_at: null, status: 4, finalized_at: finalizedAt },
      {
        action: "order.awb",
        oldValues: { status: o.status, awb_number: o.awbNumber, courier_name: o.courierName },
        newValues: {
          status: 4,
          awb_number: awbNumber,
          courier_name: res.courier_name ?? null,
          courier_account_id: input.courier_account_id,
          parcel_number: input.parcel_number,
          weight: input.weight,
          finalized_at: finalizedAt,
        },
      },
    );
    emit("order:awb-generated", { id: o.id, account: o.account, emagOrderId: idOf(o), status: 4, awbNumber, courierName: res.courier_name ?? null });
    if (o.status !== 4) statusChanged(o, 4);
    await notifySafely("orders.read", [{ type: "order.awb", category: "orders", title: `AWB ${awbNumber} for order ${idOf(o)}`, body: `${res.courier_name ?? "Courier"} · generated by ${actor.label}`, link: orderLink(o.id) }]);
    await refresh(o);
    return { order: await getOrderDetail(id), changed: true };
  } catch (err) {
    await db.$executeRawUnsafe(`UPDATE emag_orders SET awb_requested_at = NULL WHERE id = $1::uuid AND awb_number IS NULL`, o.id);
    if (err instanceof AppError) throw err;
    emagFailure(err, `generate an AWB for order ${idOf(o)}`);
  }
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Stores an uploaded PDF and returns the unguessable URL eMAG downloads it from. */
export async function storeInvoiceFile(orderId: string, file: { name: string; bytes: Uint8Array }, userId?: string | null) {
  const token = randomBytes(24).toString("base64url");
  await db.orderInvoiceFile.create({
    data: { orderId, tokenHash: sha256(token), fileName: file.name.slice(0, 200), content: Buffer.from(file.bytes), size: file.bytes.byteLength, createdBy: userId ?? null },
  });
  return `${publicBaseUrl()}/api/v1/files/invoices/${token}.pdf`;
}

/** The PDF behind an invoice URL, or null (unknown token). */
export async function readInvoiceFile(token: string) {
  const f = await db.orderInvoiceFile.findUnique({ where: { tokenHash: sha256(token) } });
  return f ? { name: f.fileName, bytes: f.content } : null;
}

export async function attachInvoice(id: string, input: { url: string; name?: string }, actor: OrderActor) {
  const o = await getOrderRecord(id);
  if (o.invoiceUrl === input.url) return { order: await getOrderDetail(id), changed: false };
  if (o.status === 0) throw new AppError("conflict", `Order ${idOf(o)} is canceled: there is nothing to invoice`);
  try {
    await clientFor(o).orderAttachments.save([
      { order_id: idOf(o), order_type: o.type as 2 | 3, name: (input.name ?? `Factura comanda ${idOf(o)}`).slice(0, 60), url: input.url, type: 1 },
    ]);
  } catch (err) {
    emagFailure(err, `attach the invoice to order ${idOf(o)}`);
  }
  const attachedAt = new Date();
  await recordAction(o, actor, { event: "invoice", detail: `Invoice attached: ${input.url}` }, { invoice_url: input.url, invoice_attached_at: attachedAt }, {
    action: "order.invoice",
    oldValues: { invoice_url: o.invoiceUrl },
    newValues: { invoice_url: input.url, name: input.name ?? null, invoice_attached_at: attachedAt },
  });
  emit("order:invoice-generated", { id: o.id, account: o.account, emagOrderId: idOf(o), status: o.status, invoiceUrl: input.url });
  await notifySafely("orders.read", [{ type: "order.invoice", category: "orders", priority: "low", title: `Invoice attached to order ${idOf(o)}`, body: `By ${actor.label}`, link: orderLink(o.id) }]);
  await refresh(o);
  return { order: await getOrderDetail(id), changed: true };
}
