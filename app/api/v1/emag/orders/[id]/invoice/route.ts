import { fieldError } from "@/lib/api/errors";
import { withAuth } from "@/lib/api/handler";
import { parseBody, parseFormData, parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { attachInvoice, storeInvoiceFile } from "@/lib/orders/actions";
import { getOrderRecord } from "@/lib/orders/queries";
import { invoiceUrlSchema } from "@/lib/orders/schemas";

export const dynamic = "force-dynamic";

const MAX_PDF_BYTES = 10 * 1024 * 1024;

// POST /api/v1/emag/orders/{id}/invoice - attach an invoice: JSON {url, name?} or multipart (file: PDF, name?)
export const POST = withAuth<{ id: string }>(
  async ({ req, params, user, requestId }) => {
    const { id } = parseParams(params, idParamsSchema);
    const actor = { userId: user.id, label: user.email, requestId };
    if (!(req.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
      return Response.json(await attachInvoice(id, await parseBody(req, invoiceUrlSchema), actor));
    const form = await parseFormData(req); // 413 past UPLOAD_BODY_LIMIT, read with a cap
    const file = form.get("file");
    if (!(file instanceof File)) throw fieldError("unprocessable_entity", "file", "a PDF file is required");
    if (file.size > MAX_PDF_BYTES) throw fieldError("unprocessable_entity", "file", "must be at most 10 MB");
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-")
      throw fieldError("unprocessable_entity", "file", "must be a PDF document");
    const rawName = form.get("name");
    const name = typeof rawName === "string" && rawName.trim() ? rawName.trim().slice(0, 60) : undefined;
    await getOrderRecord(id); // 404 before storing anything
    const url = await storeInvoiceFile(id, { name: file.name || "invoice.pdf", bytes }, user.id);
    return Response.json(await attachInvoice(id, { url, name }, actor));
  },
  { permission: "orders.write" },
);
