// Order pages written side by side (MAIN's and FBE's syncs, or two lanes of one) place their orders
// without the customer lock and check the placement under it: a page placed against key owners and
// customers that another page changed meanwhile is placed again (its orders moved to the customer
// the other page made). Whatever the interleaving, the result is one customer per buyer and equals
// a rebuild.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { observeCustomerStatements, rebuildCustomers, refreshRfm } from "@/lib/customers/upkeep";
import { db } from "@/lib/db";
import { emagTimestamp } from "@/lib/emag/time";
import type { OrderRow } from "@/lib/orders/map";
import { upsertOrders } from "@/lib/orders/store";
import { useIsolatedDatabase } from "../sync/support";
import { freezeCustomerClock } from "./clock";
import { customerSnapshot } from "./snapshot";

useIsolatedDatabase();

freezeCustomerClock();

const md5 = (s: string) => createHash("md5").update(s).digest("hex");
const base = Date.now() - 30 * 86_400_000;

/** Order `g` of buyer `b` on `account`; the buyer's phone is spelled per account, so only the email hash and id join them. */
function orderRow(g: number, b: number, account: "main" | "fbe"): OrderRow {
  const customer = { id: String(900 + b), email: md5(`buyer${b}`), name: `Client ${b}`, phone_1: account === "main" ? `07${String(b).padStart(8, "0")}` : `+40 7${String(b).padStart(8, "0")}` };
  const at = emagTimestamp(base + g * 60_000);
  return {
    account, emag_order_id: String(7_000_000 + g), type: account === "main" ? 3 : 2, status: 1, customer_emag_id: customer.id, customer_name: customer.name,
    customer_email: customer.email, customer_phone: customer.phone_1, customer_company: null, shipping_address: { city: "Cluj-Napoca" },
    billing_address: null, payment_mode: null, payment_mode_id: 1, payment_status: null, delivery_mode: null, locker_id: null, locker_name: null,
    total: 100 + g, shipping_tax: null, currency: "RON", vouchers: [], line_count: 0, invoice_url: null, cancellation_reason: null, observation: null,
    emag_created: at, emag_modified: at, finalization_date: null, raw: { id: 7_000_000 + g, status: 1, customer } as never, content_hash: md5(`c${g}`), lines: [],
  };
}

describe("order pages written side by side", () => {
  it("place the same buyers once: a page placed against a state another page changed is placed again", async () => {
    let replaced = 0;
    observeCustomerStatements((sql) => void (sql.includes("SET customer_id = u.customer_id FROM unnest") && replaced++));
    try {
      // Each round: a MAIN page and an FBE page at once, both with new orders of the same three new buyers.
      for (let round = 0; round < 8; round++) {
        const buyers = [0, 1, 2].map((k) => round * 3 + k);
        const page = (account: "main" | "fbe", offset: number) => buyers.flatMap((b, k) => [0, 1].map((j) => orderRow(round * 100 + offset + k * 2 + j, b, account)));
        await Promise.all([upsertOrders(page("main", 0)), upsertOrders(page("fbe", 50))]);
      }
    } finally {
      observeCustomerStatements(undefined);
    }
    await refreshRfm();
    // The interleaving did place pages against a state that changed under them.
    expect(replaced).toBeGreaterThan(0);
    expect(await db.customer.count()).toBe(24);
    expect(await db.emagOrder.count({ where: { customerId: null } })).toBe(0);
    const perCustomer = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM emag_orders GROUP BY customer_id`;
    expect(perCustomer.every((r) => r.n === 4)).toBe(true);
    const kept = await customerSnapshot();
    await rebuildCustomers();
    expect(await customerSnapshot()).toEqual(kept);
  });
});
