// npm run customers:rebuild   recompute every customer from the stored orders and returns (one
// transaction; order pages wait for it), then settle ids and RFM. Run it once after deploying the
// customers upkeep onto a database that already holds orders; it is safe to run at any time.
import { bootInfrastructure } from "@/lib/boot/infrastructure";
import { rebuildCustomers } from "@/lib/customers/upkeep";
import { disconnectDb } from "@/lib/db";
import { closePgPool } from "@/lib/db/pools";

const infra = await bootInfrastructure(); // starts the embedded database when DATABASE_URL is unset
try {
  const r = await rebuildCustomers();
  console.log(`customers rebuilt: ${r.customers.toLocaleString("en")} customers from ${r.orders.toLocaleString("en")} orders in ${(r.ms / 1000).toFixed(1)} s`);
  console.log(`phases (ms): ${Object.entries(r.phases).map(([k, v]) => `${k} ${v}`).join(", ")}`);
} catch (err) {
  console.error("customers rebuild failed:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await closePgPool("sync");
  await disconnectDb();
  await infra.embedded?.stop();
}
