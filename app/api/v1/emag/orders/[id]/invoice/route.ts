import { AppError } from "@/lib/api/errors";
import { withAuth } from "@/lib/api/handler";
import { parseBody, parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { attachInvoice, storeInvoiceFile } from "@/lib/orders/actions";
import { getOrderRecord } from "@/lib/orders/queries";
import { invoiceUrlSchema } from "@/lib/orders/schemas";

export const dynamic = "force-dynamic";

const MAX_PDF_BYTES = 10 * 1024 * 1024;

// POST /api/v1/emag/orders/{id}/invoice - attach an invoice: JSON {url, name?} or multipart (file: PDF, name?)
export const POST = withAuth<{ id: string }>(
  async ({ req, params, user }) => {
    const { id } = parseParams(params, idParamsSchema);
    const actor = { userId: user.id, label: user.email };
    if (!(req.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
      return Response.json(await attachInvoice(id, await parseBody(req, invoiceUrlSchema), actor));
    const form = await req.formData().catch(() => {
      throw new AppError("bad_request", "The multipart body could not be read");
    });
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("unprocessable_entity", "file: a PDF file is required", { details: { fields: { file: "is required" } } });
    if (file.size > MAX_PDF_BYTES) throw new AppError("unprocessable_entity", "file: must be at most 10 MB", { details: { fields: { file: "must be at most 10 MB" } } });
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-")
      throw new AppError("unprocessable_entity", "file: must be a PDF document", { details: { fields: { file: "must be a PDF document" } } });
    const rawName = form.get("name");
    const name = typeof rawName === "string" && rawName.trim() ? rawName.trim().slice(0, 60) : undefined;
    await getOrderRecord(id); // 404 before storing anything
    const url = await storeInvoiceFile(id, { name: file.name || "invoice.pdf", bytes }, user.id);
    return Response.json(await attachInvoice(id, { url, name }, actor));
  },
  { permission: "orders.write" },
);
