import { describe, expect, it } from "vitest";
import { compareOrders } from "./keys";
import { addOrders, aggOf, customerMetrics, emptyAgg, isRefusedCod, metricsOfAgg, sortKeyOf } from "./metrics";
import { toCents } from "./money";
import { order, rma } from "./test-fixtures";

const now = new Date("2025-07-01T12:00:00Z");
const ana = { emagCustomerId: "3900000001", emailHash: "AbC", phones: ["0722 123 456"], name: "Ana Pop" };

describe("customerMetrics", () => {
  it("counts statuses, spend, refunds and returns", () => {
    const delivered = order("2025-01-10", { total: 200, paymentModeId: 1, buyer: ana });
    const partlyRefunded = order("2025-02-10", { total: 300, account: "fbe", paymentModeId: 3, buyer: ana });
    const refundedOnOrder = order("2025-03-10", { total: 150, refundedAmount: 50, buyer: ana });
    const fullyReturned = order("2025-04-10", { status: 5, total: 80, paymentModeId: 3, buyer: ana });
    const cancelled = order("2025-05-10", { status: 0, total: 999, paymentModeId: 1, shipped: false, cancellationReasonId: 2, buyer: ana });
    const outOfStock = order("2025-05-20", { status: 0, total: 50, shipped: false, cancellationReasonId: 1, buyer: ana });
    const open = order("2025-06-20", { status: 2, total: 120, paymentModeId: 1, buyer: ana });
    const returns = [
      rma(partlyRefunded, { refundValue: 100, requestStatus: 7, returnType: 3 }),
      rma(partlyRefunded, { refundValue: 999, requestStatus: 4 }), // refused: not a return
      rma(delivered, { refundValue: 200, requestStatus: 6, returnType: 1 }), // a replacement: returned, no refund
    ];
    const m = customerMetrics([open, cancelled, delivered, outOfStock, partlyRefunded, fullyReturned, refundedOnOrder], returns, { now });
    expect(m).toMatchObject({
      orders: 7,
      purchases: 4,
      delivered: 3,
      open: 1,
      cancelled: 2,
      cancelledBySeller: 1,
      cancelledByCustomer: 1,
      returned: 3, // fullyReturned, partlyRefunded (accepted RMA), delivered (accepted replacement)
      fullyReturned: 1,
      codOrders: 3,
      refusedCod: 0,
      grossSpend: 850, // 200 + 300 + 150 + 80 + 120
      refunded: 230, // 100 + 50 + 80
      netSpend: 620,
      netSpendCents: 62_000,
      averageOrderValue: 155, // 620 / 4 purchases
      accounts: { main: 6, fbe: 1 },
      firstOrderAt: delivered.createdAt,
      lastOrderAt: open.createdAt,
      firstPurchaseAt: delivered.createdAt,
      lastPurchaseAt: open.createdAt,
      daysSinceLastOrder: 11,
      daysSinceLastPurchase: 11,
      name: "Ana Pop",
      company: null,
      phones: ["+40722123456"],
      emailHashes: ["abc"],
      emagCustomerIds: ["3900000001"],
    });
  });

  it("does not refund more than an order's total, nor count an unaccepted return", () => {
    const o = order("2025-01-10", { total: 100, refundedAmount: 40 });
    const m = customerMetrics([o], [rma(o, { refundValue: 70, requestStatus: 3 }), rma(o, { refundValue: 500, requestStatus: 2 })], { now });
    // max(order refund 40, accepted RMA refunds 70): the two report the same money, so they are not added.
    expect(m.refunded).toBe(70);
    expect(m.netSpend).toBe(30);
    const over = customerMetrics([o], [rma(o, { refundValue: 150 })], { now });
    expect(over.netSpend).toBe(0);
  });

  it("defines refused cash on delivery: COD and shipped then cancelled, failed delivery, or fully returned", () => {
    const cod = { paymentModeId: 1 };
    expect(isRefusedCod(order("2025-01-01", { ...cod, status: 0, shipped: true, cancellationReasonId: 21 }))).toBe(true);
    expect(isRefusedCod(order("2025-01-01", { ...cod, status: 0, shipped: false, cancellationReasonId: 20 }))).toBe(true);
    expect(isRefusedCod(order("2025-01-01", { ...cod, status: 0, shipped: false, cancellationReasonId: 25 }))).toBe(true);
    expect(isRefusedCod(order("2025-01-01", { ...cod, status: 5 }))).toBe(true);
    expect(isRefusedCod(order("2025-01-01", { ...cod, status: 0, shipped: false, cancellationReasonId: 2 }))).toBe(false);
    expect(isRefusedCod(order("2025-01-01", { ...cod, status: 4 }))).toBe(false);
    expect(isRefusedCod(order("2025-01-01", { paymentModeId: 3, status: 0, shipped: true }))).toBe(false);
  });

  it("prefers the payment mode with most orders, the latest on a tie", () => {
    const orders = [
      order("2025-01-01", { paymentModeId: 1 }),
      order("2025-02-01", { paymentModeId: 3 }),
      order("2025-03-01", { paymentModeId: 3 }),
      order("2025-04-01", { paymentModeId: 1 }),
      order("2025-05-01", { paymentModeId: 2 }),
    ];
    const m = customerMetrics(orders, [], { now });
    expect(m.paymentModes).toEqual([
      { paymentModeId: 1, orders: 2 },
      { paymentModeId: 2, orders: 1 },
      { paymentModeId: 3, orders: 2 },
    ]);
    expect(m.preferredPaymentModeId).toBe(1);
    expect(customerMetrics(orders.slice(0, 3), [], { now }).preferredPaymentModeId).toBe(3);
    expect(customerMetrics([], [], { now })).toMatchObject({ preferredPaymentModeId: null, averageOrderValue: null, lastOrderAt: null, daysSinceLastOrder: null });
  });

  it("groups city spellings and names each by its latest spelling", () => {
    const m = customerMetrics(
      [order("2025-01-01", { city: "Bucuresti" }), order("2025-02-01", { city: "BUCUREȘTI " }), order("2025-03-01", { city: "Cluj Napoca" }), order("2025-04-01", { city: "București" }), order("2025-05-01", { city: null })],
      [],
      { now },
    );
    expect(m.cities).toEqual([
      { city: "București", orders: 3 },
      { city: "Cluj Napoca", orders: 1 },
    ]);
  });

  it("leaves orders in another currency out of the amounts", () => {
    const m = customerMetrics([order("2025-01-01", { total: 100 }), order("2025-01-02", { total: 50, currency: "EUR" }), order("2025-01-03", { total: 10, currency: null })], [], { now });
    expect(m).toMatchObject({ purchases: 3, netSpend: 110, foreignCurrencyOrders: 1, averageOrderValue: 55 });
  });

  it("is the same for any order of its inputs", () => {
    const orders = Array.from({ length: 12 }, (_, i) => order(`2025-0${(i % 6) + 1}-1${i % 3}`, { status: ([0, 1, 2, 3, 4, 5] as const)[i % 6], total: 10 + i, city: i % 2 ? "Iași" : "Iasi", paymentModeId: (i % 3) + 1 }));
    const a = customerMetrics(orders, [], { now });
    expect(customerMetrics([...orders].reverse(), [], { now })).toEqual(a);
  });

  it("rounds to cents like Postgres round(numeric, 2)", () => {
    expect(toCents(10.075)).toBe(1008);
    expect(toCents(1.005)).toBe(101);
    expect(toCents(-10.075)).toBe(-1008);
    expect(toCents(0.1 + 0.2)).toBe(30);
  });
});

describe("addOrders (the state the upkeep adds new orders to)", () => {
  const rand = (() => {
    let x = 7;
    return () => ((x = (x * 48271) % 2147483647) / 2147483647);
  })();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const orders = Array.from({ length: 60 }, (_, i) =>
    order(new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 20) * 86_400_000).toISOString(), {
      account: pick(["main", "fbe"] as const),
      emagOrderId: String(pick([9, 10, 99, 100, 3_100_000_000]) + i),
      status: pick([0, 1, 2, 3, 4, 5] as const),
      total: Math.round(rand() * 50_000) / 100,
      paymentModeId: pick([1, 3, null]),
      city: pick(["Cluj-Napoca", "cluj napoca", "Iași", "Iasi", null]),
      cancellationReasonId: pick([1, 20, null]),
      refundedAmount: pick([null, 10]),
      buyer: {
        name: pick(["Ana Pop", "ana pop", null, "Ion"]), phones: [pick(["0722 123 456", "+40722123456", "0733 000 111", null])],
        emailHash: pick(["AbC", "abc", null]), emagCustomerId: pick(["0390", "390", null]),
        legalEntity: rand() < 0.3, cui: pick(["RO 123456", "123456", null]), companyName: pick(["Firma SRL", null]),
        registrationNumber: pick(["J12/1/2020", null]), vatPayer: pick([true, false, null]),
      },
    }),
  );
  const returns = orders.filter((_, i) => i % 7 === 0).map((o, i) => rma(o, { requestStatus: pick([3, 6, 7, 2] as const), returnType: pick([1, 3, null] as const), refundValue: i * 3.5 }));

  it("gives the same state whatever the order and the split the orders are added in", () => {
    const all = JSON.stringify(aggOf(orders, returns));
    for (let round = 0; round < 20; round++) {
      const shuffled = [...orders].sort(() => rand() - 0.5);
      const agg = emptyAgg();
      for (let i = 0; i < shuffled.length; ) {
        const n = 1 + Math.floor(rand() * 9);
        addOrders(agg, shuffled.slice(i, i + n), returns);
        i += n;
      }
      // Through JSON, as the database keeps it (jsonb orders keys itself).
      expect(sortedJson(JSON.parse(JSON.stringify(agg)))).toEqual(sortedJson(JSON.parse(all)));
      expect(metricsOfAgg(JSON.parse(JSON.stringify(agg)), { now })).toEqual(customerMetrics(shuffled, returns, { now }));
    }
  });

  it("orders keys as compareOrders does", () => {
    const sorted = [...orders].sort(compareOrders);
    expect(sorted.map(sortKeyOf)).toEqual(sorted.map(sortKeyOf).sort());
  });
});

const sortedJson = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(sortedJson) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortedJson(x)])) : v;
