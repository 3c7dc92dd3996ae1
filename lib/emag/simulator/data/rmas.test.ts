// rma/read and rma/count over the buyer-driven returns: filters, paging, and shapes the client parses.
import { describe, expect, it } from "vitest";
import { orderSchema } from "@/lib/emag/schemas/orders";
import { rmaSchema } from "@/lib/emag/schemas/rma";
import type { RouteCtx } from "../context";
import { countRmas, readRmas } from "../routes/reference";
import { createSimState } from "../state";
import type { WireRma } from "./rmas";

const NOW = Date.parse("2026-01-15T10:00:00Z");
const state = createSimState({ seed: 42, products: { main: 300, fbe: 300 }, orders: { main: 3000, fbe: 3000 } }, NOW);
const acct = state.accounts.main;
const call = (route: typeof readRmas, body: unknown) =>
  (route({ state, acct, body, params: [], query: new URLSearchParams(), now: NOW } satisfies RouteCtx).body as { isError: boolean; results: unknown });
const read = (body: unknown) => call(readRmas, body).results as WireRma[];
const count = (body: unknown) => Number((call(countRmas, body).results as { noOfItems: string }).noOfItems);

describe("rma/read and rma/count", () => {
  it("page through every return once, and count agrees with each filter", () => {
    const pages = Array.from({ length: Math.ceil(acct.rmas.length / 50) }, (_, i) => read({ currentPage: i + 1, itemsPerPage: 50 }));
    expect(pages.flat().map((r) => r.emag_id)).toEqual(acct.rmas.map((r) => r.emag_id));
    expect(count({})).toBe(acct.rmas.length);
    const some = acct.rmas[3]!;
    const filters: [Record<string, unknown>, (r: WireRma) => boolean][] = [
      [{ order_id: some.order_id }, (r) => r.order_id === some.order_id],
      [{ emag_id: some.emag_id }, (r) => r.emag_id === some.emag_id],
      [{ request_status: 7 }, (r) => r.request_status === 7],
      [{ type: 3 }, () => true],
      [{ date_start: some.date, date_end: "2099-01-01 00:00:00" }, (r) => r.date >= some.date],
    ];
    for (const [f, match] of filters) {
      const all = Array.from({ length: 20 }, (_, i) => read({ ...f, currentPage: i + 1, itemsPerPage: 20 })).flat();
      expect(all.map((r) => r.emag_id), JSON.stringify(f)).toEqual(acct.rmas.filter(match).map((r) => r.emag_id));
      expect(count(f), JSON.stringify(f)).toBe(all.length);
    }
    expect(count({ type: 2 })).toBe(0);
    expect(call(readRmas, { date_start: "15.01.2026" }).isError).toBe(true);
  });

  it("returns RMAs and order customers the client parses", () => {
    for (const r of [...acct.rmas, ...state.accounts.fbe.rmas]) expect(() => rmaSchema.parse(r)).not.toThrow();
    for (const o of acct.orders.slice(0, 500)) expect(() => orderSchema.parse(o.wire)).not.toThrow();
  });
});
