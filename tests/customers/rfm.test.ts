// refreshRfm (one SQL statement over the whole base) against rfmScores (TypeScript): the README's
// worked example cell by cell, and a random base full of ties (most customers buy once, amounts
// repeat), where SQL must give every customer the score and segment TypeScript gives.
import { beforeEach, describe, expect, it } from "vitest";
import { rfmScores, type RfmInput } from "@/lib/customers";
import { refreshRfm } from "@/lib/customers/upkeep";
import { REFRESH_RFM } from "@/lib/customers/rfm-sql";
import { RFM_GRID } from "@/lib/customers";
import { db } from "@/lib/db";
import { useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

async function seed(base: (RfmInput & { purchases: number })[], outside: string[] = []) {
  await db.customer.deleteMany();
  await db.customer.createMany({
    data: [
      ...base.map((c) => ({ id: c.customerId, purchases: c.purchases, lastPurchaseAt: c.lastPurchaseAt, netSpend: (c.netSpendCents / 100).toFixed(2), canonicalId: c.customerId })),
      // No purchase (only cancelled orders): outside the base, with a stale RFM to clear.
      ...outside.map((id) => ({ id, purchases: 0, rfmR: 3, rfmF: 3, rfmM: 3, rfmSegment: "loyal", canonicalId: id })),
    ],
  });
}
const stored = async () => new Map((await db.customer.findMany()).map((c) => [c.id, { r: c.rfmR, f: c.rfmF, m: c.rfmM, segment: c.rfmSegment }]));

describe("RFM in SQL", () => {
  beforeEach(() => db.customer.deleteMany());

  it("builds its segment grid from RFM_GRID", () => {
    for (const [r, row] of Object.entries(RFM_GRID)) row.forEach((segment, i) => expect(REFRESH_RFM).toContain(`(${r}, ${i + 1}, '${segment}')`));
  });

  it("scores the README's worked example as the README does", async () => {
    const rows: [string, string, number, number][] = [
      ["champ", "2025-06-30", 20, 9000], ["newbie", "2025-06-29", 1, 30], ["potential", "2025-06-20", 3, 400], ["promising", "2025-06-01", 1, 40],
      ["loyal", "2025-04-15", 8, 3000], ["attention", "2025-03-01", 3, 300], ["hibernating", "2024-12-01", 1, 60], ["atRisk", "2024-10-01", 5, 2000],
      ["cantLose", "2024-06-01", 15, 12000], ["lost", "2023-05-01", 1, 50],
    ];
    await seed(rows.map(([customerId, day, purchases, ron]) => ({ customerId, lastPurchaseAt: new Date(`${day}T12:00:00Z`), purchases, netSpendCents: ron * 100 })), ["browser"]);
    expect(await refreshRfm()).toMatchObject({ customers: 10 });
    const got = await stored();
    expect(Object.fromEntries([...got].map(([id, s]) => [id, `${s.r}${s.f}${s.m} ${s.segment}`]))).toEqual({
      champ: "555 champions", newbie: "511 new", potential: "433 potential_loyalists", promising: "411 promising", loyal: "344 loyal",
      attention: "333 need_attention", hibernating: "212 hibernating", atRisk: "244 at_risk", cantLose: "155 cant_lose_them", lost: "112 lost",
      browser: "nullnullnull null",
    });
  });

  it("equals rfmScores on a base full of ties", async () => {
    let a = 7;
    const rand = () => ((a = (a * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const day = Date.parse("2025-01-01T00:00:00Z");
    for (const n of [1, 4, 5, 7, 333]) {
      const base = Array.from({ length: n }, (_, i) => {
        const purchases = rand() < 0.7 ? 1 : 1 + Math.floor(rand() * 12);
        return { customerId: `c_${String(i).padStart(4, "0")}`, purchases, lastPurchaseAt: new Date(day + Math.floor(rand() * 40) * 86_400_000), netSpendCents: Math.floor(rand() * 8) * 2500 * purchases };
      });
      await seed(base);
      await refreshRfm();
      const want = rfmScores(base);
      const got = await stored();
      for (const c of base) expect({ id: c.customerId, ...got.get(c.customerId) }).toEqual({ id: c.customerId, r: want.get(c.customerId)!.r, f: want.get(c.customerId)!.f, m: want.get(c.customerId)!.m, segment: want.get(c.customerId)!.segment });
    }
  });
});
