// The identity keys of one order's buyer, and the order of orders. The keys decide which orders
// are one customer (identity.ts); see README "Identity" for the rule and the cases behind it.
import type { EmagOrderCustomer } from "@/lib/emag/schemas/orders";
import { normalizePhone } from "./phone";
import type { BuyerInput, IdentityOrderInput, OrderRef } from "./types";

/** `emag:<customer id>`, `email:<hash>`, `phone:<E.164>` for a person; `cui:<digits>` for a company. */
export type IdentityKey = `${"emag" | "email" | "phone" | "cui"}:${string}`;

const text = (v: string | null | undefined) => (v && v.trim() !== "" ? v.trim() : null);

/** `RO 0123 4567`, `ro12345678`, `0012345678` -> `12345678`; null unless 2-10 digits remain. */
export function normalizeCui(raw: string | null | undefined): string | null {
  let s = (raw ?? "").toUpperCase().replace(/[\s.-]/g, "");
  if (s.startsWith("RO")) s = s.slice(2);
  if (!/^\d+$/.test(s)) return null;
  s = s.replace(/^0+/, "");
  return s.length >= 2 && s.length <= 10 ? s : null;
}

/** The order is a company's: eMAG flags it a legal entity and its CUI is usable. */
export const companyCui = (buyer: BuyerInput): string | null => (buyer.legalEntity ? normalizeCui(buyer.cui) : null);

/** Distinct normalised phones of a buyer, in the order given. */
export function buyerPhones(buyer: BuyerInput): string[] {
  return [...new Set(buyer.phones.map(normalizePhone).filter((p): p is string => p !== null))];
}

/** The eMAG customer id as its key holds it (digits, leading zeros dropped), or null for none/0. */
export function emagCustomerKey(buyer: BuyerInput): string | null {
  const id = text(buyer.emagCustomerId);
  if (!id || !/^\d+$/.test(id)) return null;
  const n = BigInt(id);
  return n > 0n ? n.toString() : null;
}

/**
 * The keys one order contributes, sorted. A company order is keyed by its CUI only, so a contact who
 * also buys privately stays a separate (private) customer; its contacts are kept as metrics. A legal
 * entity without a usable CUI falls back to the person keys. Names are never keys.
 */
export function identityKeys(buyer: BuyerInput): IdentityKey[] {
  const cui = companyCui(buyer);
  if (cui) return [`cui:${cui}`];
  const keys = new Set<IdentityKey>();
  const id = emagCustomerKey(buyer);
  if (id) keys.add(`emag:${id}`);
  const email = text(buyer.emailHash)?.toLowerCase();
  if (email) keys.add(`email:${email}`);
  for (const phone of buyerPhones(buyer)) keys.add(`phone:${phone}`);
  return [...keys].sort();
}

/** The buyer fields of eMAG's order customer (§6.5). Both the sync and a rebuild read them through here. */
export function buyerFromEmagCustomer(c: EmagOrderCustomer | null | undefined): BuyerInput {
  return {
    emagCustomerId: text(c?.id),
    emailHash: text(c?.email),
    phones: [c?.phone_1, c?.phone_2, c?.phone_3, c?.billing_phone],
    name: text(c?.name) ?? text(c?.billing_name),
    legalEntity: c?.legal_entity === 1,
    cui: text(c?.code),
    companyName: text(c?.company),
    registrationNumber: text(c?.registration_number),
    vatPayer: c?.is_vat_payer === undefined || c?.is_vat_payer === null ? null : c.is_vat_payer === 1,
  };
}

/** Unsigned decimal strings by value ("9" < "10"). */
const compareDecimal = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** The one total order of orders everything here uses: eMAG creation time, then account, then order id. */
export function compareOrders(a: IdentityOrderInput, b: IdentityOrderInput): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0) || compareDecimal(a.emagOrderId, b.emagOrderId);
}

export const orderRefKey = (o: OrderRef) => `${o.account}:${o.emagOrderId}`;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * The id of the customer an order would found: `c_<UTC yyyymmddHHMMSSmmm>_<account>_<order id, 10 digits>`.
 * Plain string order of these ids (JS `<`, Postgres `COLLATE "C"`) is the order of `compareOrders`,
 * so the smallest id of a group is its oldest order.
 */
export function customerIdFor(o: IdentityOrderInput): string {
  const d = o.createdAt;
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1000 || d.getUTCFullYear() > 9999) throw new RangeError(`order ${orderRefKey(o)}: bad createdAt`);
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}${pad(d.getUTCMilliseconds(), 3)}`;
  return `c_${stamp}_${o.account}_${o.emagOrderId.padStart(10, "0")}`;
}
