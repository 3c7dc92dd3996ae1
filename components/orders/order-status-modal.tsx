"use client";
// Moves an order to one of the statuses eMAG allows from where it is; canceling asks for a reason.
import { Form, Modal, Select } from "antd";
import { cancellationReasons, orderStatusLabel } from "@/components/orders/labels";
import { useChangeOrderStatus } from "@/components/orders/use-order-mutations";
import type { OrderSummary } from "@/lib/ui/queries/orders";

interface Values {
  status: number;
  reason?: number;
}

export function OrderStatusModal({ order, open, onClose }: { order: OrderSummary; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch("status", form);
  const change = useChangeOrderStatus();
  const options = order.allowed_statuses.filter((s) => s !== order.status).map((s) => ({ value: s, label: orderStatusLabel(s) }));

  const submit = (values: Values) =>
    change.mutate({ id: order.id, status: values.status, reason: values.reason }, { onSuccess: () => onClose() });

  return (
    <Modal
      open={open}
      title={`Change the status of order ${order.emag_order_id}`}
      okText="Change status"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={change.isPending}
      destroyOnHidden
      data-testid="order-status-modal"
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="status" label={`From ${orderStatusLabel(order.status).toLowerCase()} to`} rules={[{ required: true, message: "Pick the new status" }]}>
          <Select options={options} placeholder="New status" data-testid="order-status-select" />
        </Form.Item>
        {status === 0 && (
          <Form.Item name="reason" label="Cancellation reason" rules={[{ required: true, message: "eMAG needs a reason to cancel an order" }]}>
            <Select
              options={cancellationReasons.map((r) => ({ value: r.value, label: `${r.value} · ${r.label}` }))}
              showSearch={{ optionFilterProp: "label" }}
              placeholder="Why is it canceled?"
              data-testid="order-cancel-reason"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
