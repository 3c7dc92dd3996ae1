import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { updateProduct } from "@/lib/products/service";
import type { ConflictStrategy } from "@/lib/sync/options";
import { syncProductsNow } from "@/lib/sync/service";
import { userWithToken } from "../helpers/api";
import { startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "./support";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;
let editor: { id: string };

beforeAll(async () => {
  sim = await startFastSimulator({ products: { main: 40, fbe: 0 } });
  stopClients = useFastSyncClients(sim);
  editor = (await userWithToken("manager")).user;
  await sync("emag_priority", "full");
});
afterAll(async () => {
  await stopClients();
  await sim.close();
});

async function sync(conflict_strategy: ConflictStrategy, mode: "full" | "incremental" = "incremental") {
  return syncProductsNow({ account_type: "main", mode, conflict_strategy }, { triggeredBy: "user" });
}
const offer = (i: number) => sim.state.accounts.main.offers[i]!;
const row = (i: number) => db.emagProduct.findUniqueOrThrow({ where: { account_emagOfferId: { account: "main", emagOfferId: String(offer(i).id) } } });
const edit = async (i: number, input: Parameters<typeof updateProduct>[1]) => updateProduct((await row(i)).id, input, { id: editor.id });
const price = (r: { salePrice: { toFixed: (n: number) => string } | null }) => r.salePrice?.toFixed(2);

describe("conflict strategies for locally edited offers", () => {
  it("records local edits with time and author, and the audit log", async () => {
    const res = await edit(0, { sale_price: 12.5, name: "Local name" });
    expect(res).toMatchObject({ sale_price: 12.5, name: "Local name", local_edits: { sale_price: { value: 12.5, edited_by: editor.id }, name: { value: "Local name" } } });
    expect(Date.parse(res.local_edits.sale_price!.edited_at)).toBeGreaterThan(Date.now() - 5000);
    expect(await db.auditLog.count({ where: { entityType: "emag_product", entityId: res.id, action: "product.edit" } })).toBe(1);
  });

  it("emag_priority: eMAG overwrites the edits, even when eMAG did not change", async () => {
    const r = await sync("emag_priority");
    expect(r.counters.updated).toBe(1);
    const after = await row(0);
    expect(price(after)).toBe(offer(0).salePrice.toFixed(2));
    expect(after.name).toBe(offer(0).name);
    expect(after.localEdits).toEqual({});
  });

  it("local_priority: edited fields keep the local value, the others follow eMAG", async () => {
    await edit(1, { sale_price: 3.33 });
    offer(1).salePrice += 10;
    offer(1).stock += 7;
    const r = await sync("local_priority");
    expect(r.counters.updated).toBe(1);
    const after = await row(1);
    expect(price(after)).toBe("3.33");
    expect(after.generalStock).toBe(offer(1).stock);
    expect(after.localEdits).toMatchObject({ sale_price: { value: 3.33 } });
  });

  it("newest_wins: a local edit newer than eMAG's change survives; a newer eMAG change wins", async () => {
    await edit(2, { general_stock: 99 });
    offer(2).salePrice += 1; // eMAG changed something, but its `modified` is older than the edit
    await sync("newest_wins");
    expect((await row(2)).generalStock).toBe(99);

    offer(2).stock = 5;
    offer(2).modified = Date.now() + 3_600_000; // eMAG changed after the edit
    await sync("newest_wins");
    const after = await row(2);
    expect(after.generalStock).toBe(5);
    expect(after.localEdits).toEqual({});
  });

  it("manual: a row whose edit disagrees with eMAG is left unchanged and flagged for review", async () => {
    await edit(1, { discard_local_edits: true }); // left over from local_priority: would conflict too
    await edit(3, { sale_price: 4.44 });
    const before = await row(3);
    offer(3).brand = "NewBrand"; // an eMAG change that must not be applied while the conflict stands
    const r = await sync("manual");
    expect(r.conflicts).toBe(1);
    expect(r.counters.updated).toBe(0);
    const after = await row(3);
    expect(price(after)).toBe("4.44");
    expect(after.brand).toBe(before.brand);
    expect(after.contentHash).toBe(before.contentHash);
    expect(after.syncConflict).toMatchObject({ sync_id: r.id, emag: { sale_price: offer(3).salePrice } });

    // The reviewer drops the edit: eMAG's last known values come back, and the next sync applies eMAG's change.
    const discarded = await edit(3, { discard_local_edits: true });
    expect(discarded.local_edits).toEqual({});
    expect(discarded.sync_conflict).toBeNull();
    const next = await sync("manual");
    expect(next.conflicts).toBe(0);
    expect((await row(3)).brand).toBe("NewBrand");
  });

  it("a full sync keeps flagged rows (they were seen) instead of marking them removed", async () => {
    await edit(4, { status: 0 });
    const r = await sync("manual", "full");
    expect(r.conflicts).toBe(1);
    expect(r.counters.removed).toBe(0);
    expect((await row(4)).removedAt).toBeNull();
  });
});
