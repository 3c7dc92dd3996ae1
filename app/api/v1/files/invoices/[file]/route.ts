import { AppError } from "@/lib/api/errors";
import { publicRoute } from "@/lib/api/handler";
import { readInvoiceFile } from "@/lib/orders/actions";

export const dynamic = "force-dynamic";

// GET /api/v1/files/invoices/{token}.pdf - an uploaded invoice, for eMAG to download. The URL is
// the credential (192 random bits, only a hash stored): eMAG fetches attachments without auth.
export const GET = publicRoute<{ file: string }>(async ({ params }) => {
  const m = /^([A-Za-z0-9_-]{20,64})\.pdf$/.exec(params.file ?? "");
  const file = m ? await readInvoiceFile(m[1]!) : null;
  if (!file) throw new AppError("not_found", "File not found");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${file.name.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
