"use client";
// Generates the AWB (shipping label) of an order with one of the account's courier accounts.
import { Alert, Form, Input, InputNumber, Modal, Select, Switch } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useGenerateAwb } from "@/components/orders/use-order-mutations";
import { describeError } from "@/lib/ui/error-message";
import { orderQueries, type AwbBody, type OrderSummary } from "@/lib/ui/queries/orders";

interface Values {
  courier_account_id: string;
  parcel_number: number;
  envelope_number: number;
  weight: number;
  is_oversize: boolean;
  observation?: string;
}

export function OrderAwbModal({ order, open, onClose }: { order: OrderSummary; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const couriers = useQuery({ ...orderQueries.couriers(order.account), enabled: open });
  const generate = useGenerateAwb();
  const options = (couriers.data ?? [])
    .filter((c) => c.active)
    .map((c) => ({ value: c.account_id, label: c.display_name || c.courier_name }));

  const submit = ({ is_oversize, observation, ...values }: Values) => {
    const body: AwbBody = { ...values, is_oversize: is_oversize ? 1 : 0, ...(observation?.trim() ? { observation: observation.trim() } : {}) };
    generate.mutate({ id: order.id, body }, { onSuccess: () => onClose() });
  };

  return (
    <Modal
      open={open}
      title={`Generate the AWB of order ${order.emag_order_id}`}
      okText="Generate AWB"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={generate.isPending}
      destroyOnHidden
      data-testid="order-awb-modal"
    >
      {couriers.isError && <Alert type="error" showIcon title="Could not load the couriers" description={describeError(couriers.error).description} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ parcel_number: 1, envelope_number: 0, weight: 1, is_oversize: false }}
      >
        <Form.Item name="courier_account_id" label="Courier" rules={[{ required: true, message: "Pick a courier" }]}>
          <Select options={options} loading={couriers.isPending} placeholder="Courier account" notFoundContent={couriers.isPending ? "Loading…" : "No active couriers"} data-testid="order-awb-courier" />
        </Form.Item>
        <Form.Item label="Parcels and weight" style={{ marginBottom: 0 }}>
          <Form.Item name="parcel_number" label="Parcels" style={{ display: "inline-block", width: "33%", paddingInlineEnd: 8 }} rules={[{ required: true }]}>
            <InputNumber min={0} max={99} precision={0} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="envelope_number" label="Envelopes" style={{ display: "inline-block", width: "33%", paddingInlineEnd: 8 }}>
            <InputNumber min={0} max={99} precision={0} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="weight" label="Weight (kg)" style={{ display: "inline-block", width: "34%" }} rules={[{ required: true }]}>
            <InputNumber min={0.01} max={1000} step={0.5} style={{ width: "100%" }} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="is_oversize" label="Oversize package" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="observation" label="Note for the courier">
          <Input.TextArea rows={2} maxLength={255} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
