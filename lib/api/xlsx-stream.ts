// Streamed XLSX responses that fail loudly, the spreadsheet twin of csv-stream.ts: one worksheet
// written row by row with exceljs' streaming writer. The first batch is read before the response
// exists (an early failure is an ordinary JSON error); a later one destroys the stream, so the
// client sees an aborted transfer, never a file that merely looks short.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { CsvColumns } from "@/lib/api/csv-stream";
import { logger } from "@/lib/logger";

export interface XlsxExport<R> {
  sheet: string;
  columns: CsvColumns<R>;
  batches: AsyncGenerator<R[]>;
  /** Keep the header row in view while scrolling. */
  frozenHeader?: boolean;
  width?: (header: string) => number | undefined;
}

export async function xlsxResponse<R>(exp: XlsxExport<R>, opts: { filename: string; requestId?: string }): Promise<Response> {
  const { batches, columns } = exp;
  const first = await batches.next();
  const out = new PassThrough();
  void (async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet(exp.sheet, exp.frozenHeader ? { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] } : undefined);
    sheet.columns = columns.map(([header]) => ({ header, key: header, width: exp.width?.(header) }));
    const write = (rows: R[]) => {
      for (const r of rows) sheet.addRow(columns.map(([, get]) => get(r) ?? null)).commit();
    };
    if (!first.done) {
      write(first.value);
      for await (const rows of batches) {
        write(rows);
        // Backpressure: no next batch while the client has not taken what is buffered.
        if (out.writableNeedDrain) await new Promise((r) => out.once("drain", r).once("close", r));
        if (out.destroyed) return void (await batches.return(undefined));
      }
    }
    sheet.commit();
    await workbook.commit();
  })().catch(async (err: unknown) => {
    logger.error({ err, requestId: opts.requestId, file: opts.filename }, "XLSX export failed after the response started; the transfer is aborted");
    await batches.return(undefined).catch(() => {});
    out.destroy(err as Error);
  });
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${opts.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
