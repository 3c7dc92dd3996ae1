"use client";
// Issue an API token. The plain token comes back once, so it is shown here with a copy button
// and a warning, and is forgotten when the modal closes.
import { useState } from "react";
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, theme } from "antd";
import { IssuedTokenPanel } from "@/components/users/issued-token-panel";
import { useIssueToken } from "@/components/users/use-user-mutations";
import type { IssuedToken, IssueTokenBody } from "@/lib/ui/queries/users";
import { useFormApiError } from "@/lib/ui/use-form-api-error";

const FIELDS = ["name", "expires_in_days"] as const;

interface TokenIssueModalProps {
  userId: string;
  userName: string;
  open: boolean;
  onClose: () => void;
}

export function TokenIssueModal({ userId, userName, open, onClose }: TokenIssueModalProps) {
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  return (
    <Modal
      open={open}
      title={issued ? "Copy your new token" : `New API token for ${userName}`}
      onCancel={onClose}
      afterOpenChange={(visible) => !visible && setIssued(null)}
      destroyOnHidden
      footer={null}
      // Once the token is on screen, a stray click or Escape must not throw it away.
      mask={{ closable: !issued }}
      keyboard={!issued}
    >
      {issued ? <IssuedTokenPanel issued={issued} onDone={onClose} /> : <TokenIssueForm userId={userId} onIssued={setIssued} onCancel={onClose} />}
    </Modal>
  );
}

function TokenIssueForm({ userId, onIssued, onCancel }: { userId: string; onIssued: (t: IssuedToken) => void; onCancel: () => void }) {
  const { token: design } = theme.useToken();
  const [form] = Form.useForm<IssueTokenBody>();
  const issue = useIssueToken(userId);
  const { formError, handleError, clear } = useFormApiError(form, FIELDS);

  async function onFinish(values: IssueTokenBody) {
    clear();
    try {
      const days = values.expires_in_days;
      onIssued(await issue.mutateAsync({ name: values.name.trim(), ...(days ? { expires_in_days: days } : {}) }));
    } catch (e) {
      handleError(e);
    }
  }

  return (
    <Form<IssueTokenBody> form={form} name="token-issue" layout="vertical" onFinish={onFinish} onValuesChange={clear} data-testid="token-issue-form">
      <Form.Item
        name="name"
        label="Token name"
        extra="What uses this token, e.g. “ERP integration”."
        rules={[{ required: true, whitespace: true, message: "Enter a name" }, { max: 100 }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="expires_in_days" label="Expires after" extra="Leave empty for a token that never expires.">
        <InputNumber min={1} max={3650} precision={0} suffix="days" placeholder="Never" style={{ width: "100%" }} />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: design.marginMD }} />}
      <Flex justify="end" gap={design.marginXS}>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="primary" htmlType="submit" loading={issue.isPending} data-testid="token-issue-submit">
          Issue token
        </Button>
      </Flex>
    </Form>
  );
}
