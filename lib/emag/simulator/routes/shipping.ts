// awb/save, awb/read, courier_accounts/read, addresses/read (contract §7). The awb/save answer
// shape is undocumented; the simulator returns the shape the contract recommends.
import { entitiesOf, filtersOf, fInt, isObj } from "../body";
import { apiError, ok, type RouteHandler } from "../context";
import { ADDRESSES, COURIER_ACCOUNTS } from "../data/reference";
import { emagTimestamp } from "../time";
import type { SimAwb } from "../state";
import { setStatus } from "./orders";

type Obj = Record<string, unknown>;

function partyErrors(p: unknown, role: string): string[] {
  if (!isObj(p)) return [`${role} is required`];
  const errors: string[] = [];
  const len = (k: string, min: number, max: number) => {
    const v = p[k];
    if (typeof v !== "string" || v.length < min || v.length > max) errors.push(`${role}.${k} must have ${min}..${max} characters`);
  };
  len("name", 3, 255);
  len("contact", 1, 255);
  if (!/^\+?\d{8,11}$/.test(String(p.phone1 ?? ""))) errors.push(`${role}.phone1 must have 8..11 digits`);
  if (!p.address_id) {
    if (p.locality_id === undefined || p.locality_id === "") errors.push(`${role}.locality_id is required`);
    len("street", 3, 255);
  }
  return errors;
}

function awbErrors(a: Obj): string[] {
  const errors = [...partyErrors(a.sender, "sender"), ...partyErrors(a.receiver, "receiver")];
  for (const k of ["is_oversize", "envelope_number", "parcel_number", "cod"]) if (fInt(a[k]) === undefined) errors.push(`${k} is required`);
  if (fInt(a.envelope_number) === 0 && fInt(a.parcel_number) === 0) errors.push("envelope_number and parcel_number cannot both be 0");
  if (a.order_id === undefined && a.rma_id === undefined) errors.push("order_id or rma_id is required");
  return errors;
}

export const saveAwb: RouteHandler = ({ acct, body, now }) => {
  const items = entitiesOf(body);
  if (!items.length) return apiError("No AWB data received");
  const errors: string[] = [];
  for (const a of items) {
    if (!isObj(a)) { errors.push("AWB data must be an object"); continue; }
    errors.push(...awbErrors(a));
    if (a.order_id === undefined) continue;
    const order = acct.orderById.get(fInt(a.order_id) ?? -1);
    if (!order) errors.push(`Order ${String(a.order_id)} not found`);
    else if (order.wire.type === 2) errors.push(`Order ${order.wire.id} is fulfilled by eMAG; the seller cannot issue an AWB`);
    else if (![2, 3, 4].includes(order.wire.status)) errors.push(`Order ${order.wire.id}: an AWB needs an acknowledged order (status ${order.wire.status})`);
    const courierId = fInt(a.courier_account_id);
    if (courierId !== undefined && !COURIER_ACCOUNTS.some((c) => c.account_id === courierId)) errors.push(`Unknown courier_account_id ${courierId}`);
  }
  if (errors.length) return apiError(errors, items);

  const results = (items as Obj[]).map((a) => {
    const courier = COURIER_ACCOUNTS.find((c) => c.account_id === fInt(a.courier_account_id)) ?? COURIER_ACCOUNTS[0]!;
    const emagId = acct.ids.nextAwbId++;
    const awb: SimAwb = {
      emag_id: emagId,
      reservation_id: acct.ids.nextReservationId++,
      order_id: fInt(a.order_id) ?? null,
      rma_id: fInt(a.rma_id) ?? null,
      type: acct.orderType,
      weight: Number(a.weight ?? 1),
      awb_type: a.rma_id !== undefined ? 2 : 1,
      awb: [{ emag_id: emagId, awb_number: `${courier.courier_name.slice(0, 2).toUpperCase()}${emagId}`, awb_barcode: `${emagId}001` }],
      status: { code: "NEW", name: "Generat", description: "AWB generat" },
      courier: { courier_account_id: courier.account_id, courier_name: courier.courier_name },
      created: emagTimestamp(now),
    };
    acct.awbs.push(awb);
    const order = acct.orderById.get(fInt(a.order_id) ?? -1);
    if (order) {
      setStatus(order, 4, now); // issuing the first AWB finalizes the order (§6.2)
      order.wire.modified = emagTimestamp(now);
    }
    return { reservation_id: awb.reservation_id, courier_id: courier.account_id, courier_name: courier.courier_name, awb: awb.awb };
  });
  return ok(results);
};

export const readAwb: RouteHandler = ({ acct, body }) => {
  const f = filtersOf(body);
  const emagId = fInt(f.emag_id);
  const reservationId = fInt(f.reservation_id);
  if (emagId === undefined && reservationId === undefined) return apiError("emag_id or reservation_id is required");
  return ok(acct.awbs.filter((a) => (emagId === undefined || a.emag_id === emagId) && (reservationId === undefined || a.reservation_id === reservationId)));
};

export const readCourierAccounts: RouteHandler = () => ok(COURIER_ACCOUNTS);
export const readAddresses: RouteHandler = () => ok(ADDRESSES);
