// order/read|count|save, order/acknowledge/{id}, order/attachments/save (contract §6).
import { countResult, entitiesOf, filtersOf, fInt, isObj, paging } from "../body";
import { apiError, ok, type RouteCtx, type RouteHandler } from "../context";
import type { SimOrder, WireOrderLine } from "../data/orders";
import { emagTimestamp } from "../time";
import { orderFilter, transitionError } from "./order-rules";

type Obj = Record<string, unknown>;

function filtered({ acct, body }: RouteCtx) {
  const f = filtersOf(body);
  const filter = orderFilter(f, 3); // eMAG defaults to type 3 even on FBE accounts
  if ("error" in filter) return { error: apiError(filter.error) };
  return { f, items: acct.orders.filter(filter.match) };
}

export const readOrders: RouteHandler = (ctx) => {
  const r = filtered(ctx);
  return r.error ?? ok(paging(r.f).slice(r.items).map((o) => o.wire));
};

export const countOrders: RouteHandler = (ctx) => {
  const r = filtered(ctx);
  return r.error ?? ok(countResult(r.items.length, paging(r.f).itemsPerPage));
};

export function setStatus(order: SimOrder, status: number, now: number) {
  if (order.wire.status === status) return;
  order.wire.status = status;
  order.statusAt = now;
  order.wire.has_editable_products = status === 2 || status === 3 ? 1 : 0;
  if (status === 4) order.wire.finalization_date = emagTimestamp(now);
}

/** Line edits allowed by §6.7: quantities and line status in 2/3 (or a storno on 4), never prices. */
function lineChanges(order: SimOrder, item: Obj, errors: string[]): WireOrderLine[] | undefined {
  if (!Array.isArray(item.products)) return undefined;
  const id = order.wire.id;
  const incoming = item.products.filter(isObj);
  const next: WireOrderLine[] = [];
  let changed = false;
  let reduced = false;
  for (const line of order.wire.products) {
    const upd = incoming.find((p) => fInt(p.id) === line.id);
    const qty = upd ? fInt(upd.quantity) ?? line.quantity : 0;
    const status = upd ? fInt(upd.status) ?? line.status : 0;
    if (qty < 0) errors.push(`Order ${id}: quantity cannot be negative`);
    if (upd?.sale_price !== undefined && Math.abs(Number(upd.sale_price) - Number(line.sale_price)) > 0.00005)
      errors.push(`Order ${id}: product prices can no longer be changed`);
    if (qty !== line.quantity || status !== line.status) changed = true;
    if (qty < line.quantity || (status === 0 && line.status === 1)) reduced = true;
    next.push({ ...line, quantity: qty, status, storno_qty: (line.storno_qty as number) + Math.max(0, line.quantity - qty) });
  }
  for (const p of incoming.filter((x) => x.id === undefined)) {
    if (p.product_id === undefined || p.name === undefined || p.sale_price === undefined) errors.push(`Order ${id}: a new product needs product_id, name, status and sale_price`);
    else next.push({ ...p, id: 0, product_id: String(p.product_id), quantity: fInt(p.quantity) ?? 1, status: fInt(p.status) ?? 1, sale_price: Number(p.sale_price).toFixed(4) });
    changed = true;
  }
  if (!changed) {
    if (item.is_storno === true) errors.push(`Order ${id}: is_storno needs at least one product with a reduced quantity`);
    return undefined;
  }
  const from = order.wire.status;
  if (item.is_storno === true && from !== 4) errors.push(`Order ${id}: is_storno is only allowed on finalized orders (status 4)`);
  else if (from === 4 && item.is_storno !== true) errors.push(`Order ${id}: a finalized order can only be changed with is_storno`);
  else if (from !== 4 && from !== 2 && from !== 3) errors.push(`Order ${id}: products can only be edited in status 2 or 3`);
  if (reduced && order.wire.payment_mode_id === 3 && from !== 4) errors.push(`Order ${id}: products of an online card order cannot be removed or reduced`);
  return next;
}

/** All-or-nothing like product saves: one invalid order rejects the request. */
export const saveOrders: RouteHandler = ({ acct, body, now }) => {
  if (acct.orderType === 2) return apiError("Orders fulfilled by eMAG (type 2) cannot be modified; only attachments can be uploaded");
  const items = entitiesOf(body);
  const errors: string[] = [];
  const plans: (() => void)[] = [];
  for (const item of items) {
    const order = isObj(item) ? acct.orderById.get(fInt(item.id) ?? -1) : undefined;
    if (!isObj(item) || !order) { errors.push(`Order ${isObj(item) ? String(item.id) : "?"} not found`); continue; }
    const status = fInt(item.status) ?? order.wire.status;
    const before = errors.length;
    if (status !== order.wire.status || order.wire.status === 1 || order.wire.status === 5) {
      const e = transitionError(order, status, now);
      if (e) errors.push(e);
    }
    const lines = lineChanges(order, item, errors);
    if (errors.length > before) continue;
    plans.push(() => {
      if (lines) order.wire.products = lines.map((l) => (l.id === 0 ? { ...l, id: acct.ids.nextLineId++ } : l));
      if (status === 0 && isObj(item.reason_cancellation)) order.wire.reason_cancellation = item.reason_cancellation;
      else if (status === 0 && fInt(item.reason_cancellation) !== undefined) order.wire.reason_cancellation = { id: fInt(item.reason_cancellation), name: null };
      if (typeof item.observation === "string") order.wire.observation = item.observation;
      setStatus(order, status, now);
      order.wire.modified = emagTimestamp(now);
    });
  }
  if (errors.length) return apiError(errors, items);
  plans.forEach((p) => p());
  return ok([]);
};

export const acknowledgeOrder: RouteHandler = ({ acct, params, now }) => {
  const order = acct.orderById.get(Number(params[0]));
  if (!order) return apiError(`Order ${params[0] ?? ""} not found`);
  if (order.wire.type !== 3) return apiError(`Order ${order.wire.id}: only orders fulfilled by the seller (type 3) can be acknowledged`);
  if (order.wire.status === 0) return apiError(`Order ${order.wire.id} is canceled`);
  if (order.wire.status === 1) {
    setStatus(order, 2, now);
    order.wire.modified = emagTimestamp(now);
  }
  return ok([]);
};

export const saveAttachments: RouteHandler = ({ acct, body, now }) => {
  const items = entitiesOf(body);
  const errors: string[] = [];
  const valid: [SimOrder, Obj][] = [];
  for (const a of items) {
    if (!isObj(a)) { errors.push("Each attachment must be an object"); continue; }
    const order = acct.orderById.get(fInt(a.order_id) ?? -1);
    const type = fInt(a.type) ?? 1;
    if (!order) errors.push(`Order ${String(a.order_id)} not found`);
    else if (fInt(a.order_type) !== order.wire.type) errors.push(`order_type is required and must match the order type (${order.wire.type})`);
    else if (typeof a.url !== "string" || a.url.length > 1024 || !/\.pdf($|\?)/i.test(a.url)) errors.push("url must point to a PDF file (max 1024 characters)");
    else if (typeof a.name !== "string" || !a.name || a.name.length > 60) errors.push("name is required (max 60 characters)");
    else if (type === 3 && !order.wire.products.some((p) => p.id === fInt(a.order_product_id))) errors.push("order_product_id is required for warranties");
    else valid.push([order, a]);
  }
  if (errors.length) return apiError(errors, items);
  for (const [order, a] of valid) {
    const list = (order.wire.attachments as Obj[]).filter((x) => x.url !== a.url);
    list.push({ order_id: order.wire.id, name: a.name, url: a.url, type: fInt(a.type) ?? 1, force_download: fInt(a.force_download) ?? 0, visibility: 1 });
    order.wire.attachments = list;
    order.wire.modified = emagTimestamp(now);
  }
  return ok([]);
};
