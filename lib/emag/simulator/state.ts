// Simulator state: two independent seller accounts (MAIN, FBE) with their own id spaces, one
// buyer pool both accounts sell to, and counters for the control API. Everything is rebuilt from
// the seed on reset.
import { createRng, type Rng } from "./prng";
import { generateOffer, type OfferRecord } from "./data/offers";
import { createBuyerPool, drawLiveBuyer, poolSizeFor, type BuyerPool } from "./data/buyers";
import { buildOrder, generateOrders, type OrderIds, type SimOrder } from "./data/orders";
import { generateRmas, type WireRma } from "./data/rmas";
import type { MarketClock } from "./data/market";
import { emptyWriteCounters, type WriteCounters } from "./writes";

export type SimAccountKind = "main" | "fbe";

export type SimAwb = Record<string, unknown> & { emag_id: number; reservation_id: number };

export type SimAccount = {
  kind: SimAccountKind;
  /** eMAG order type: 3 seller-fulfilled (MAIN), 2 fulfilled by eMAG (FBE). */
  orderType: 2 | 3;
  warehouseId: number;
  offers: OfferRecord[];
  offerById: Map<number, OfferRecord>;
  orders: SimOrder[];
  orderById: Map<number, SimOrder>;
  rmas: WireRma[];
  awbs: SimAwb[];
  ids: OrderIds & { nextAwbId: number; nextReservationId: number };
  /** Stream for orders created after start (timer and control API). */
  rng: Rng;
};

export type SimDataOptions = {
  seed: number;
  products: Record<SimAccountKind, number>;
  orders: Record<SimAccountKind, number>;
};

export type SimStats = {
  startedAt: string;
  requests: Record<string, Record<string, number>>;
  rateLimited: Record<string, number>;
  faults: Record<string, Record<string, number>>;
  ordersCreated: Record<string, number>;
  /** Offer write counters per account (writes.ts). */
  writes: Record<string, WriteCounters>;
};

const ACCOUNT_NO: Record<SimAccountKind, number> = { main: 1, fbe: 2 };
// Separate id spaces: the same SKU has a different offer id on each account (contract §11).
const OFFER_ID_BASE: Record<SimAccountKind, number> = { main: 100, fbe: 200_000 };
const ORDER_ID_BASE: Record<SimAccountKind, number> = { main: 3_100_000_000, fbe: 3_700_000_000 };

function buildAccount(kind: SimAccountKind, data: SimDataOptions, nowMs: number, buyers: BuyerPool): SimAccount {
  const no = ACCOUNT_NO[kind];
  const count = data.products[kind];
  // FBE shares most SKUs with MAIN, shifted so a slice of each catalogue is exclusive.
  const skuShift = kind === "fbe" ? Math.round(data.products.main * 0.15) : 0;
  const offers = new Array<OfferRecord>(count);
  for (let i = 0; i < count; i++) offers[i] = generateOffer(data.seed, no, i, i + skuShift, OFFER_ID_BASE[kind], nowMs);
  const orderType = kind === "fbe" ? 2 : 3;
  const ids = { nextOrderId: ORDER_ID_BASE[kind] + 15_229_985, nextLineId: 87_000_000 + no * 5_000_000, nextAwbId: 400_000_000 + no * 10_000_000, nextReservationId: 9_000_000 + no * 1_000_000 };
  const orders = generateOrders(data.seed, no, data.orders[kind], offers, orderType, ids, nowMs, buyers);
  return {
    kind,
    orderType,
    warehouseId: kind === "fbe" ? 2 : 1,
    offers,
    offerById: new Map(offers.map((o) => [o.id, o])),
    orders,
    orderById: new Map(orders.map((o) => [o.wire.id, o])),
    rmas: generateRmas(data.seed, no, orders, orderType, buyers.buyers, nowMs),
    awbs: [],
    ids,
    rng: createRng(data.seed, no, 5),
  };
}

export function emptyStats(): SimStats {
  return { startedAt: new Date().toISOString(), requests: {}, rateLimited: {}, faults: {}, ordersCreated: {}, writes: { main: emptyWriteCounters(), fbe: emptyWriteCounters() } };
}

export function createSimState(data: SimDataOptions, nowMs = Date.now()) {
  // One pool for both accounts, sized by the whole history; it grows as live orders bring new buyers.
  const buyers = createBuyerPool(data.seed, poolSizeFor(data.orders.main + data.orders.fbe), nowMs);
  return {
    data,
    buyers,
    accounts: { main: buildAccount("main", data, nowMs, buyers), fbe: buildAccount("fbe", data, nowMs, buyers) } as Record<SimAccountKind, SimAccount>,
    stats: emptyStats(),
    /** Competition clock (data/market.ts): bucket 0 at start, moved by time and by ticks. */
    market: { originMs: nowMs, ticks: 0 } as MarketClock,
  };
}
export type SimState = ReturnType<typeof createSimState>;

/** Rebuilds both accounts from the seed (same data as at start, timestamps relative to now). */
export function resetSimState(state: SimState, nowMs = Date.now()) {
  const fresh = createSimState(state.data, nowMs);
  state.buyers = fresh.buyers;
  state.accounts = fresh.accounts;
  state.stats = fresh.stats;
  state.market = fresh.market;
}

/** New orders arriving now: FBE orders skip "new" because eMAG handles them (no acknowledge). */
export function createNewOrders(state: SimState, kind: SimAccountKind, count: number, nowMs = Date.now()): SimOrder[] {
  const acct = state.accounts[kind];
  const live = acct.offers.filter((o) => !o.deleted);
  const created: SimOrder[] = [];
  for (let i = 0; i < count; i++) {
    const order = buildOrder(acct.rng, acct.ids, live, acct.orderType, nowMs, nowMs, drawLiveBuyer(state.buyers, acct.rng, nowMs));
    order.wire.status = acct.orderType === 2 ? 2 : 1;
    order.wire.reason_cancellation = null;
    order.wire.finalization_date = null;
    order.finalizedMs = undefined;
    // Not delivered yet, so cash on delivery is not cashed either.
    if (order.wire.payment_mode_id === 1) Object.assign(order.wire, { payment_status: 0, cashed_cod: 0 });
    order.wire.has_editable_products = order.wire.status === 2 ? 1 : 0;
    order.wire.modified = order.wire.created;
    order.statusAt = nowMs;
    acct.orders.push(order);
    acct.orderById.set(order.wire.id, order);
    created.push(order);
  }
  state.stats.ordersCreated[kind] = (state.stats.ordersCreated[kind] ?? 0) + count;
  return created;
}

export function bump(table: Record<string, Record<string, number>>, account: string, key: string) {
  const row = (table[account] ??= {});
  row[key] = (row[key] ?? 0) + 1;
}
