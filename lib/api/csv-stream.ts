// Streamed CSV responses that fail loudly. The first batch is read before the response exists, so
// a bad query or a database failure at the start is an ordinary JSON error (4xx/5xx). A failure
// later, once 200 is sent, is logged and errors the stream: the server then cuts the connection
// (no final chunk), so the client sees an aborted transfer, never a file that merely looks short.
import { logger } from "@/lib/logger";

export type CsvColumns<R> = readonly (readonly [header: string, value: (row: R) => unknown])[];

/** An export: its columns and its rows, batch by batch (read lazily, one batch per pull). */
export interface CsvExport<R> {
  columns: CsvColumns<R>;
  batches: AsyncIterable<R[]>;
}

/** RFC 4180 quoting; text starting with = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvHeaderLine = <R>(columns: CsvColumns<R>) => columns.map(([h]) => h).join(",") + "\r\n";
export const csvLines = <R>(columns: CsvColumns<R>, rows: R[]) =>
  rows.map((r) => columns.map(([, get]) => csvCell(get(r))).join(",")).join("\r\n") + "\r\n";

/** The export as a text/csv attachment; throws (before any byte is sent) if its first batch fails. */
export async function csvResponse<R>(exp: CsvExport<R>, opts: { filename: string; requestId?: string }): Promise<Response> {
  const batches = exp.batches[Symbol.asyncIterator]();
  let pending: IteratorResult<R[]> | undefined = await batches.next();
  const enc = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(enc.encode(csvHeaderLine(exp.columns)));
    },
    async pull(controller) {
      try {
        // Until something is enqueued: a pull that enqueues nothing is not called again.
        for (;;) {
          const step = pending ?? (await batches.next());
          pending = undefined;
          if (step.done) return controller.close();
          if (step.value.length) return controller.enqueue(enc.encode(csvLines(exp.columns, step.value)));
        }
      } catch (err) {
        logger.error({ err, requestId: opts.requestId, file: opts.filename }, "CSV export failed after the response started; the transfer is aborted");
        controller.error(err);
      }
    },
    async cancel() {
      await batches.return?.();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${opts.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
