"use client";
// Add a channel: e-mail (recipients) or a Slack-compatible webhook (URL). The server's 422 lands
// on the field it names.
import { Alert, Form, Input, Modal, Radio, Select, Switch } from "antd";
import { useFormApiError } from "@/lib/ui/use-form-api-error";
import { useCreateChannel, type CreateChannelInput } from "./queries";

type Values = { kind: "email" | "webhook"; name: string; enabled: boolean; to: string[]; url: string };
const FIELDS = ["kind", "name", "enabled", "to", "url"];

export function ChannelModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form) ?? "webhook";
  const create = useCreateChannel();
  const { formError, handleError, clear } = useFormApiError(form, FIELDS);

  const submit = (v: Values) => {
    clear();
    const body: CreateChannelInput =
      v.kind === "email" ? { kind: "email", name: v.name, enabled: v.enabled, to: v.to ?? [] } : { kind: "webhook", name: v.name, enabled: v.enabled, url: v.url };
    create.mutate(body, {
      onSuccess: () => {
        form.resetFields();
        onClose();
      },
      onError: handleError,
    });
  };

  return (
    <Modal
      title="Add alert channel"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Add channel"
      okButtonProps={{ loading: create.isPending, ...({ "data-testid": "alerts-channel-save" } as object) }}
      destroyOnHidden
      width={520}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: "webhook", enabled: true, to: [] }} onFinish={submit} data-testid="alerts-channel-form">
        <Form.Item name="kind" label="Type">
          <Radio.Group optionType="button" options={[{ value: "webhook", label: "Webhook (Slack)" }, { value: "email", label: "E-mail" }]} />
        </Form.Item>
        <Form.Item name="name" label="Name" rules={[{ required: true, whitespace: true, message: "Give the channel a name" }]}>
          <Input maxLength={80} placeholder="e.g. #ops on Slack" data-testid="alerts-channel-name" />
        </Form.Item>
        {kind === "email" ? (
          <Form.Item name="to" label="Recipients" rules={[{ required: true, type: "array", min: 1, message: "Add at least one address" }]} extra="Type an address and press Enter.">
            <Select mode="tags" tokenSeparators={[",", " "]} open={false} placeholder="ops@example.com" data-testid="alerts-channel-to" />
          </Form.Item>
        ) : (
          <Form.Item
            name="url"
            label="Webhook URL"
            rules={[{ required: true, message: "Paste the webhook URL" }, { type: "url", message: "Must be an http(s) URL" }]}
            extra="Stored as a secret: after saving, only its host is shown."
          >
            <Input.Password visibilityToggle placeholder="https://hooks.slack.com/services/…" autoComplete="off" data-testid="alerts-channel-url" />
          </Form.Item>
        )}
        <Form.Item name="enabled" label="Enabled" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
