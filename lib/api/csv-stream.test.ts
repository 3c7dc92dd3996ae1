import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { csvCell, csvResponse, type CsvColumns } from "@/lib/api/csv-stream";
import { publicRoute } from "@/lib/api/handler";
import { getLogger } from "@/lib/logger";

type Row = { id: number; name: string };
const columns: CsvColumns<Row> = [
  ["id", (r) => r.id],
  ["name", (r) => r.name],
];
const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: from + i, name: `n${from + i}` }));

afterEach(() => vi.restoreAllMocks());

describe("csvResponse", () => {
  it("streams the header and every batch, as an attachment", async () => {
    async function* batches() {
      yield rows(1, 2);
      yield [];
      yield rows(3, 1);
    }
    const res = await csvResponse({ columns, batches: batches() }, { filename: "x.csv" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="x.csv"');
    expect(await res.text()).toBe("id,name\r\n1,n1\r\n2,n2\r\n3,n3\r\n");
  });

  it("reads the first batch before answering: a failure there is a JSON 500, not a 200", async () => {
    let pulled = 0;
    const batches = (): AsyncIterable<Row[]> => ({
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          pulled++;
          throw new Error("connection refused");
        },
      }),
    });
    const route = publicRoute(async ({ requestId }) => csvResponse({ columns, batches: batches() }, { filename: "x.csv", requestId }));
    const res = await route(new NextRequest("http://localhost/x.csv"));
    expect(pulled).toBe(1);
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ error: { code: "internal_error" } });
  });

  it("a failure mid-stream errors the body (the client's read rejects) and is logged with the request id", async () => {
    const error = vi.spyOn(getLogger(), "error");
    async function* batches(): AsyncGenerator<Row[]> {
      yield rows(1, 2);
      throw new Error("database went away");
    }
    const res = await csvResponse({ columns, batches: batches() }, { filename: "x.csv", requestId: "req-42" });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    let received = "";
    const readAll = async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        received += dec.decode(value);
      }
    };
    await expect(readAll()).rejects.toThrow("database went away");
    expect(received).toBe("id,name\r\n1,n1\r\n2,n2\r\n"); // what came before the failure, and no more
    expect(error).toHaveBeenCalledTimes(1);
    const [fields, message] = error.mock.calls[0] as unknown as [Record<string, unknown>, string];
    expect(fields).toMatchObject({ requestId: "req-42", file: "x.csv" });
    expect((fields.err as Error).message).toBe("database went away");
    expect(message).toMatch(/CSV export failed/);
  });

  it("res.text() on a stream that fails rejects too (what fetch's consumers see)", async () => {
    async function* batches(): AsyncGenerator<Row[]> {
      yield rows(1, 1);
      throw new Error("boom");
    }
    const res = await csvResponse({ columns, batches: batches() }, { filename: "x.csv" });
    await expect(res.text()).rejects.toThrow();
  });

  it("a cancelled download stops reading batches", async () => {
    let finished = false;
    async function* batches(): AsyncGenerator<Row[]> {
      try {
        for (let i = 0; ; i++) yield rows(i, 1);
      } finally {
        finished = true;
      }
    }
    const res = await csvResponse({ columns, batches: batches() }, { filename: "x.csv" });
    const reader = res.body!.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });
});

describe("csvCell", () => {
  it("quotes per RFC 4180 and defuses formulas", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
  });
});
