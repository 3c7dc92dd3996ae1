// Everything the customer upkeep writes, in a comparable form: every customers column but
// created_at/updated_at, every key, every order's customer_id, keys and inputs, every return's links.
import { db } from "@/lib/db";

export async function customerSnapshot() {
  const [customers, keys, orders, returns] = await Promise.all([
    db.$queryRaw<unknown[]>`SELECT to_jsonb(c) - 'created_at' - 'updated_at' AS row FROM customers c ORDER BY id COLLATE "C"`,
    db.$queryRaw<unknown[]>`SELECT key, customer_id FROM customer_keys ORDER BY key COLLATE "C"`,
    db.$queryRaw<unknown[]>`SELECT id::text, customer_id, identity_keys, identity_created_at, customer_input FROM emag_orders ORDER BY id`,
    db.$queryRaw<unknown[]>`SELECT id::text, order_id::text, customer_id FROM emag_returns ORDER BY id`,
  ]);
  return { customers, keys, orders, returns };
}
