// The report workbook as a download response, written straight into the response stream.
import { PassThrough, Readable } from "node:stream";
import { logger } from "@/lib/logger";
import type { Report } from "./types";
import { reportFilename, reportWorkbook } from "./xlsx";

export function reportXlsxResponse(report: Report): Response {
  const out = new PassThrough();
  reportWorkbook(report).xlsx.write(out).then(
    () => out.end(),
    (err: unknown) => {
      logger.error({ err, kind: report.kind, period: report.period.key }, "report XLSX failed after the response started; the transfer is aborted");
      out.destroy(err as Error);
    },
  );
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${reportFilename(report)}"`,
      "Cache-Control": "no-store",
    },
  });
}
