"use client";
// Attaches the invoice to an order: a public URL to the PDF, or the PDF itself (≤ 10 MB).
import { useState } from "react";
import { InboxOutlined } from "@ant-design/icons";
import { Form, Input, Modal, Segmented, Upload, type UploadFile } from "antd";
import { useAttachInvoice } from "@/components/orders/use-order-mutations";
import type { OrderSummary } from "@/lib/ui/queries/orders";

const MAX_BYTES = 10 * 1024 * 1024;

interface Values {
  url?: string;
  name?: string;
}

export function OrderInvoiceModal({ order, open, onClose }: { order: OrderSummary; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [source, setSource] = useState<"url" | "file">("url");
  const [file, setFile] = useState<UploadFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const attach = useAttachInvoice();

  const submit = (values: Values) => {
    const name = values.name?.trim() || undefined;
    if (source === "file") {
      if (!file?.originFileObj) return setFileError("Choose the invoice PDF");
      attach.mutate({ id: order.id, file: file.originFileObj, name }, { onSuccess: () => onClose() });
    } else {
      attach.mutate({ id: order.id, url: values.url?.trim(), name }, { onSuccess: () => onClose() });
    }
  };

  return (
    <Modal
      open={open}
      title={`Attach the invoice of order ${order.emag_order_id}`}
      okText="Attach invoice"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={attach.isPending}
      destroyOnHidden
      data-testid="order-invoice-modal"
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item>
          <Segmented<"url" | "file">
            block
            value={source}
            onChange={(v) => setSource(v)}
            options={[
              { value: "url", label: "Link to a PDF" },
              { value: "file", label: "Upload a PDF" },
            ]}
          />
        </Form.Item>
        {source === "url" ? (
          <Form.Item
            name="url"
            label="Invoice URL"
            rules={[
              { required: true, message: "Paste the invoice's URL" },
              { type: "url", message: "A full URL, e.g. https://…/invoice.pdf" },
            ]}
          >
            <Input placeholder="https://…/invoice.pdf" inputMode="url" data-testid="order-invoice-url" />
          </Form.Item>
        ) : (
          <Form.Item label="Invoice PDF" validateStatus={fileError ? "error" : undefined} help={fileError ?? "PDF, at most 10 MB"}>
            <Upload.Dragger
              accept="application/pdf,.pdf"
              maxCount={1}
              fileList={file ? [file] : []}
              // Kept in the form and sent with it, not uploaded on pick.
              beforeUpload={(f) => {
                const problem = f.type && f.type !== "application/pdf" ? "Only PDF files" : f.size > MAX_BYTES ? "The PDF is larger than 10 MB" : null;
                setFileError(problem);
                setFile(problem ? null : { uid: f.uid, name: f.name, size: f.size, type: f.type, originFileObj: f, status: "done" });
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">Click or drop the invoice PDF here</p>
            </Upload.Dragger>
          </Form.Item>
        )}
        <Form.Item name="name" label="Invoice name (optional)">
          <Input placeholder="e.g. Invoice MF-2024-0012" maxLength={120} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
