// Input that cannot hurt: NULs never reach PostgreSQL (whichever pool a statement takes) nor eMAG,
// numbers and dates are checked before a query runs, bodies are bounded while read, exports fail
// loudly, and every field error names its field in one shape.
import pg from "pg";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listUsersRoute, POST as createUserRoute } from "@/app/api/v1/users/route";
import { PATCH as patchUserRoute } from "@/app/api/v1/users/[id]/route";
import { POST as issueTokenRoute } from "@/app/api/v1/users/[id]/tokens/route";
import { GET as listProductsRoute } from "@/app/api/v1/emag/products/products/route";
import { PATCH as patchProductRoute } from "@/app/api/v1/emag/products/products/[id]/route";
import { GET as productsExportRoute } from "@/app/api/v1/emag/products/export.csv/route";
import { GET as historyRoute } from "@/app/api/v1/emag/products/history/route";
import { GET as listOrdersRoute } from "@/app/api/v1/emag/orders/route";
import { GET as ordersExportRoute } from "@/app/api/v1/emag/orders/export.csv/route";
import { POST as invoiceRoute } from "@/app/api/v1/emag/orders/[id]/invoice/route";
import { ensureEmagAccounts } from "@/lib/accounts/ensure";
import { JSON_BODY_LIMIT, UPLOAD_BODY_LIMIT } from "@/lib/api/limits";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { emagTimestamp } from "@/lib/emag/time";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { startOrdersSync, waitForOrderSyncs } from "@/lib/orders/service";
import { readQuery } from "@/lib/products/read-db";
import { bulkTransaction, syncQuery } from "@/lib/sync/bulk-db";
import { syncProductsNow } from "@/lib/sync/service";
import { call, uniqueEmail, userWithToken } from "../helpers/api";
import { startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;
let admin: string;
let adminId: string;

beforeAll(async () => {
  sim = await startFastSimulator({ products: { main: 12, fbe: 0 }, orders: { main: 30, fbe: 0 } });
  stopClients = useFastSyncClients(sim);
  await ensureEmagAccounts();
  const a = await userWithToken("admin");
  admin = a.token;
  adminId = a.user.id;
  await syncProductsNow({ account_type: "main", mode: "full" }, { triggeredBy: "user" });
  expect((await syncMain()).status).toBe("completed");
});

afterAll(async () => {
  await waitForOrderSyncs();
  await stopClients();
  await sim.close();
});

const NUL = "\u0000";
const bs = "\\";

async function syncMain() {
  const started = await startOrdersSync({ account_type: "main" }, { triggeredBy: "api" });
  await waitForOrderSyncs();
  return db.syncLog.findUniqueOrThrow({ where: { id: started.sync_id } });
}

type Res = Awaited<ReturnType<typeof call>>;
/** The one error shape: { error: { code, message, details: [{ field, message }] } } naming `field`. */
function expectFieldError(res: Res, status: number, field: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  const details = res.json.error?.details;
  expect(Array.isArray(details), JSON.stringify(res.json)).toBe(true);
  expect(details).toContainEqual(expect.objectContaining({ field, message: expect.any(String) }));
  if (field !== "(body)") expect(res.json.error?.message).toContain(field);
}

const mainOrder = (where: Prisma.EmagOrderWhereInput = {}) =>
  db.emagOrder.findFirstOrThrow({ where: { account: "main", status: { not: 0 }, ...where }, orderBy: { emagOrderId: "asc" } });

describe("the 13 inputs that were a 500", () => {
  it("a NUL in name on POST /users, PATCH /users/{id} and POST /users/{id}/tokens: stored without it", async () => {
    const created = await call(createUserRoute, { method: "POST", token: admin, body: { email: uniqueEmail("nul"), name: `Ana${NUL} Pop`, password: "correct-horse-battery", role: "viewer" } });
    expect(created.status, created.text).toBe(201);
    const id = (created.json as { id: string }).id;
    expect((await db.user.findUniqueOrThrow({ where: { id } })).name).toBe("Ana Pop");

    const patched = await call(patchUserRoute, { method: "PATCH", token: admin, params: { id }, body: { name: `${NUL}Ana Maria${NUL}` } });
    expect(patched.status, patched.text).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).name).toBe("Ana Maria");

    const token = await call(issueTokenRoute, { method: "POST", token: admin, params: { id }, body: { name: `ci${NUL}-bot` } });
    expect(token.status, token.text).toBe(201);
    expect((await db.apiToken.findFirstOrThrow({ where: { userId: id, kind: { not: "login" } } })).name).toBe("ci-bot");

    // Only NULs: nothing is left, which the schema refuses by name.
    const empty = await call(createUserRoute, { method: "POST", token: admin, body: { email: uniqueEmail("nul"), name: NUL, password: "correct-horse-battery", role: "viewer" } });
    expectFieldError(empty, 422, "name");
  });

  it("a NUL in name on PATCH /products/{id}: stored without it, in the column and in local_edits", async () => {
    const product = await db.emagProduct.findFirstOrThrow({ where: { account: "main" } });
    const res = await call(patchProductRoute, { method: "PATCH", token: admin, params: { id: product.id }, body: { name: `Cablu${NUL} USB-C` } });
    expect(res.status, res.text).toBe(200);
    const row = await db.emagProduct.findUniqueOrThrow({ where: { id: product.id } });
    expect(row.name).toBe("Cablu USB-C");
    expect((row.localEdits as Record<string, { value: unknown }>).name?.value).toBe("Cablu USB-C");
  });

  it("search=%00 on the users, products and orders lists, brand=%00 on products: 400 naming the field", async () => {
    expectFieldError(await call(listUsersRoute, { token: admin, path: "/api/v1/users?search=%00" }), 400, "search");
    expectFieldError(await call(listProductsRoute, { token: admin, path: "/x?search=%00" }), 400, "search");
    expectFieldError(await call(listOrdersRoute, { token: admin, path: "/x?search=a%00b" }), 400, "search");
    expectFieldError(await call(listProductsRoute, { token: admin, path: "/x?brand=%00" }), 400, "brand");
    expectFieldError(await call(productsExportRoute, { token: admin, path: "/x?brand=%00" }), 400, "brand");
  });

  it("page=999999999999 on products (and every other list): 400 naming page; the last allowed page answers", async () => {
    expectFieldError(await call(listProductsRoute, { token: admin, path: "/x?page=999999999999" }), 400, "page");
    for (const route of [listUsersRoute, listProductsRoute, listOrdersRoute, historyRoute]) {
      expectFieldError(await call(route, { token: admin, path: "/x?page=100001" }), 400, "page");
      expectFieldError(await call(route, { token: admin, path: "/x?page=1e400" }), 400, "page");
      const last = await call(route, { token: admin, path: "/x?page=100000&pageSize=100" });
      expect(last.status, last.text).toBe(200);
      expect(last.json).toMatchObject({ data: [], page: 100000, pageSize: 100 });
    }
  });

  it("dates 2024-13-45, 9999-99-99 and 2024-02-30 on the orders list and export: 400 naming the field", async () => {
    for (const [field, day] of [["date_from", "2024-13-45"], ["date_to", "9999-99-99"], ["date_from", "2024-02-30"], ["date_to", "1970-01-01"]] as const) {
      expectFieldError(await call(listOrdersRoute, { token: admin, path: `/x?${field}=${day}` }), 400, field);
      const exported = await call(ordersExportRoute, { token: admin, path: `/x?${field}=${day}` });
      expectFieldError(exported, 400, field); // JSON before any CSV: the export validates first
    }
    const leap = await call(listOrdersRoute, { token: admin, path: "/x?date_from=2024-02-29&date_to=2100-12-31" });
    expect(leap.status, leap.text).toBe(200);
    const csv = await call(ordersExportRoute, { token: admin, path: "/x?date_from=2024-02-29" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.text.split("\r\n").filter(Boolean)).toHaveLength(1 + (await db.emagOrder.count({ where: { emagCreatedAt: { gte: new Date("2024-02-28T22:00:00Z") } } })));
  });
});

describe("the MAIN order sync survives NULs", () => {
  it("the reviewer's invoice: {url, name: 'a\\u0000b'} is attached as 'ab' (eMAG never sees the NUL) and the next MAIN sync succeeds", async () => {
    const order = await mainOrder({ invoiceUrl: null });
    const res = await call(invoiceRoute, {
      method: "POST", token: admin, params: { id: order.id }, rawBody: '{"url":"https://x.example/a.pdf","name":"a\\u0000b"}',
    });
    expect(res.status, res.text).toBe(200);
    const attachments = sim.state.accounts.main.orderById.get(Number(order.emagOrderId))!.wire.attachments as { name: string; url: string }[];
    expect(attachments).toContainEqual(expect.objectContaining({ url: "https://x.example/a.pdf", name: "ab" }));
    const log = await syncMain();
    expect(log.status, JSON.stringify(log.errors)).toBe("completed");
    expect((await db.emagOrder.findUniqueOrThrow({ where: { id: order.id } })).invoiceUrl).toBe("https://x.example/a.pdf");
  });

  it("an order eMAG already holds with NULs (invoice and attachment names, customer, a line's product) is stored clean", async () => {
    const order = await mainOrder({ invoiceUrl: null });
    const sim0 = sim.state.accounts.main.orderById.get(Number(order.emagOrderId))!;
    const w = sim0.wire;
    (w.customer as Record<string, unknown>).name = `Ion${NUL} Popescu`;
    (w.customer as Record<string, unknown>).shipping_street = `Str. Lungă${NUL} 5`;
    w.products[0]!.name = `Telefon${NUL} X \ud800`; // and a lone surrogate, which jsonb refuses as well
    w.attachments = [
      { order_id: w.id, name: `Factura${NUL} 7`, url: `https://f.example/${NUL}7.pdf`, type: 1, force_download: 0, visibility: 1 },
      { order_id: w.id, name: `Garantie${NUL}`, url: "https://f.example/g.pdf", type: 3, force_download: 0, visibility: 1 },
    ];
    w.observation = `C:${bs}u0000 and a${NUL}b`; // a backslash then "u0000" is text: it stays
    w.modified = emagTimestamp(Date.now());

    const log = await syncMain();
    expect(log.status, JSON.stringify(log.errors)).toBe("completed");
    expect(log.updatedCount).toBeGreaterThanOrEqual(1);
    const row = await db.emagOrder.findUniqueOrThrow({ where: { id: order.id }, include: { lines: true } });
    expect(row.customerName).toBe("Ion Popescu");
    expect((row.shippingAddress as { street: string }).street).toBe("Str. Lungă 5");
    expect(row.invoiceUrl).toBe("https://f.example/7.pdf");
    expect(row.observation).toBe(`C:${bs}u0000 and ab`);
    const line = row.lines.find((l) => l.lineId === BigInt(w.products[0]!.id))!;
    expect(line.name).toBe("Telefon X \ufffd");
    const raw = row.raw as { customer: { name: string }; attachments: { name: string }[]; observation: string };
    expect(raw.customer.name).toBe("Ion Popescu");
    expect(raw.attachments.map((a) => a.name)).toEqual(["Factura 7", "Garantie"]);
    expect(raw.observation).toBe(`C:${bs}u0000 and ab`);
    const [probe] = await db.$queryRaw<{ dirty: boolean }[]>`SELECT raw::text ~ '(^|[^\\\\])(\\\\\\\\)*\\\\u0000' AS dirty FROM emag_orders WHERE id = ${order.id}::uuid`;
    expect(probe?.dirty).toBe(false);

    // Healed for good: the next sync sees the same content hash and rewrites nothing.
    const again = await syncMain();
    expect(again).toMatchObject({ status: "completed", createdCount: 0, updatedCount: 0 });
  });
});

describe("every node-postgres pool cleans its parameters", () => {
  it("the inputs really are poison for PostgreSQL (a plain pg.Client fails on both)", async () => {
    const c = new pg.Client({ connectionString: env().DATABASE_URL });
    await c.connect();
    try {
      await expect(c.query("SELECT $1::text", [`a${NUL}b`])).rejects.toMatchObject({ code: "22021" });
      await expect(c.query("SELECT $1::jsonb", [JSON.stringify({ a: NUL })])).rejects.toMatchObject({ code: "22P05" });
    } finally {
      await c.end();
    }
  });

  it("Prisma (models, Json columns, raw queries)", async () => {
    await db.user.update({ where: { id: adminId }, data: { name: `Ad${NUL}min` } });
    expect((await db.user.findUniqueOrThrow({ where: { id: adminId } })).name).toBe("Admin");
    const product = await db.emagProduct.findFirstOrThrow({ where: { account: "main" } });
    await db.emagProduct.update({ where: { id: product.id }, data: { localEdits: { note: { value: `x${NUL}y`, path: `C:${bs}u0000` } } } });
    expect((await db.emagProduct.findUniqueOrThrow({ where: { id: product.id } })).localEdits).toEqual({ note: { value: "xy", path: `C:${bs}u0000` } });
    const [r] = await db.$queryRaw<{ t: string; j: unknown }[]>`SELECT ${`p${NUL}q`}::text AS t, ${JSON.stringify({ k: `v${NUL}` })}::jsonb AS j`;
    expect(r).toEqual({ t: "pq", j: { k: "v" } });
  });

  it("the sync pool (named statements and transactions) and the product read pool", async () => {
    const [a] = await syncQuery<{ t: string; j: unknown }>("SELECT $1::text AS t, $2::jsonb AS j", [`s${NUL}`, JSON.stringify([{ n: `a${NUL}b`, keep: `${bs}u0000` }])]);
    expect(a).toEqual({ t: "s", j: [{ n: "ab", keep: `${bs}u0000` }] });
    const b = await bulkTransaction(async (q) => q<{ t: string[] }>("SELECT $1::text[] AS t", [[`x${NUL}`, "y"]]));
    expect(b[0]!.t).toEqual(["x", "y"]);
    const [c] = await readQuery<{ t: string }>(Prisma.sql`SELECT ${`r${NUL}s`}::text AS t`);
    expect(c!.t).toBe("rs");
  });
});

describe("invoice URLs and the field-error shape", () => {
  it("an http:// invoice URL is a 422 naming url; so are other non-https schemes", async () => {
    const order = await mainOrder();
    for (const url of ["http://x.example/a.pdf", "ftp://x.example/a.pdf"])
      expectFieldError(await call(invoiceRoute, { method: "POST", token: admin, params: { id: order.id }, body: { url } }), 422, "url");
  });

  it("hand-written field errors use the array shape too: multipart without a file, a taken email, malformed JSON", async () => {
    const order = await mainOrder();
    const form = new FormData();
    form.set("name", "Factura");
    const req = new NextRequest("http://localhost/x", { method: "POST", headers: { authorization: `Bearer ${admin}` }, body: form });
    const res = await invoiceRoute(req, { params: Promise.resolve({ id: order.id }) });
    const text = await res.text();
    expectFieldError({ status: res.status, json: JSON.parse(text), text, headers: res.headers }, 422, "file");

    const email = uniqueEmail("dup");
    const body = { email, name: "Dup", password: "correct-horse-battery", role: "viewer" };
    expect((await call(createUserRoute, { method: "POST", token: admin, body })).status).toBe(201);
    const dup = await call(createUserRoute, { method: "POST", token: admin, body });
    expect(dup.status).toBe(409);
    expect(dup.json.error?.details).toEqual([{ field: "email", message: expect.any(String) }]);

    const bad = await call(createUserRoute, { method: "POST", token: admin, rawBody: "{nope" });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: "invalid_json", details: [{ field: "(body)", message: expect.any(String) }] });
  });

  it("a multipart upload's name loses its NULs before it reaches eMAG", async () => {
    const order = await mainOrder();
    const form = new FormData();
    form.set("file", new Blob(["%PDF-1.4 invoice"], { type: "application/pdf" }), `f${NUL}.pdf`);
    form.set("name", `Factura${NUL} 9`);
    const req = new NextRequest("http://localhost/x", { method: "POST", headers: { authorization: `Bearer ${admin}` }, body: form });
    const res = await invoiceRoute(req, { params: Promise.resolve({ id: order.id }) });
    expect(res.status, await res.clone().text()).toBe(200);
    const url = ((await res.json()) as { order: { invoice_url: string } }).order.invoice_url;
    const attachments = sim.state.accounts.main.orderById.get(Number(order.emagOrderId))!.wire.attachments as { name: string; url: string }[];
    expect(attachments).toContainEqual(expect.objectContaining({ url, name: "Factura 9" }));
  });
});

describe("body size while reading", () => {
  /** A body of `total` bytes made on demand, counting what was actually pulled. */
  function lazyBody(total: number, chunk = 64 * 1024) {
    const state = { pulled: 0 };
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (state.pulled >= total) return controller.close();
        const n = Math.min(chunk, total - state.pulled);
        state.pulled += n;
        controller.enqueue(new Uint8Array(n).fill(0x20)); // spaces: valid JSON whitespace
      },
    });
    return { stream, state };
  }
  const post = (handler: typeof createUserRoute, body: BodyInit, headers: Record<string, string> = {}) =>
    handler(
      new NextRequest("http://localhost/x", { method: "POST", headers: { authorization: `Bearer ${admin}`, "content-type": "application/json", ...headers }, body, duplex: "half" }),
      { params: Promise.resolve({}) },
    );
  const asRes = async (r: Response): Promise<Res> => {
    const text = await r.text();
    return { status: r.status, json: JSON.parse(text), text, headers: r.headers };
  };

  it("a chunked JSON body is refused with 413 once past JSON_BODY_LIMIT, without reading the rest", async () => {
    const { stream, state } = lazyBody(20 * 1024 * 1024);
    const res = await asRes(await post(createUserRoute, stream));
    expectFieldError(res, 413, "(body)");
    expect(res.json.error?.code).toBe("payload_too_large");
    expect(state.pulled).toBeLessThan(JSON_BODY_LIMIT + 256 * 1024);
  });

  it("a declared Content-Length above the limit is refused before reading; a body just under it is parsed", async () => {
    const { stream, state } = lazyBody(2 * 1024 * 1024);
    const res = await asRes(await post(createUserRoute, stream, { "content-length": String(2 * 1024 * 1024) }));
    expectFieldError(res, 413, "(body)");
    expect(state.pulled).toBeLessThanOrEqual(64 * 1024 * 2); // at most what the stream pre-buffered
    const padded = JSON.stringify({ email: uniqueEmail("big"), name: "Big", password: "correct-horse-battery", role: "viewer" }).padEnd(JSON_BODY_LIMIT - 10, " ");
    expect((await post(createUserRoute, padded)).status).toBe(201);
  });

  it("a multipart upload past UPLOAD_BODY_LIMIT is a 413 on the invoice route", async () => {
    const order = await mainOrder();
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(UPLOAD_BODY_LIMIT + 1024)], { type: "application/pdf" }), "big.pdf");
    const req = new NextRequest("http://localhost/x", { method: "POST", headers: { authorization: `Bearer ${admin}` }, body: form });
    expectFieldError(await asRes(await invoiceRoute(req, { params: Promise.resolve({ id: order.id }) })), 413, "(body)");
    const declared = new NextRequest("http://localhost/x", {
      method: "POST", headers: { authorization: `Bearer ${admin}`, "content-type": "multipart/form-data; boundary=x", "content-length": String(UPLOAD_BODY_LIMIT + 1) }, body: "--x--",
    });
    expectFieldError(await asRes(await invoiceRoute(declared, { params: Promise.resolve({ id: order.id }) })), 413, "(body)");
  });
});
