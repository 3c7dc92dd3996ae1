"use client";
// Add or edit one eMAG account: connection (checked with eMAG before it is saved), order and AWB
// settings. The password is write-only: the form shows whether one is set and offers to replace it.
// With EMAG_<KIND>_USERNAME/PASSWORD set, the credentials are the environment's and cannot be edited.
import { useState } from "react";
import { Alert, App, Button, Divider, Drawer, Flex, Form, Grid, Input, Popconfirm, Select, Tag, Typography, theme } from "antd";
import { useClearCredentials, useUpdateAccount } from "@/components/emag/use-account-mutations";
import { accountLabels } from "@/components/emag/labels";
import type { EmagAccount, UpdateEmagAccountBody } from "@/lib/ui/queries/emag-accounts";
import { useFormApiError } from "@/lib/ui/use-form-api-error";

interface Values {
  display_name: string;
  username: string;
  password?: string;
  base_url: string;
  auto_acknowledge: "default" | "on" | "off";
  awb_sender_name: string;
  awb_sender_phone: string;
  awb_pickup_address_id: string;
}

const FIELDS = ["display_name", "username", "password", "base_url", "auto_acknowledge", "awb_sender_name", "awb_sender_phone", "awb_pickup_address_id"] as const;
const ackValue = (v: boolean | null) => (v === null ? "default" : v ? "on" : "off");
const ackBody = { default: null, on: true, off: false } as const;
const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

function initialValues(a: EmagAccount): Values {
  return {
    display_name: a.displayName,
    username: a.env_override ? "" : (a.username ?? ""),
    base_url: a.stored_base_url ?? a.default_base_url,
    auto_acknowledge: ackValue(a.settings.auto_acknowledge),
    awb_sender_name: a.settings.awb_sender_name ?? "",
    awb_sender_phone: a.settings.awb_sender_phone ?? "",
    awb_pickup_address_id: a.settings.awb_pickup_address_id ?? "",
  };
}

/** Only what changed; credentials only when one of them changed (that triggers the test with eMAG). */
function changes(a: EmagAccount, start: Values, v: Values): UpdateEmagAccountBody {
  const body: UpdateEmagAccountBody = {};
  if (v.display_name.trim() !== start.display_name) body.display_name = v.display_name.trim();
  if (!a.env_override) {
    const credsChanged = !!v.password || v.username.trim() !== start.username || v.base_url.trim() !== start.base_url;
    if (credsChanged) Object.assign(body, { username: v.username.trim(), base_url: v.base_url.trim(), ...(v.password ? { password: v.password } : {}) });
  }
  if (v.auto_acknowledge !== start.auto_acknowledge) body.auto_acknowledge = ackBody[v.auto_acknowledge];
  for (const k of ["awb_sender_name", "awb_sender_phone", "awb_pickup_address_id"] as const) if (v[k].trim() !== start[k]) body[k] = orNull(v[k]);
  return body;
}

function EditForm({ account, onDone }: { account: EmagAccount; onDone: () => void }) {
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [start] = useState(() => initialValues(account));
  const [replacing, setReplacing] = useState(!account.secret_set);
  const update = useUpdateAccount(account.kind);
  const clear = useClearCredentials(account.kind);
  const { formError, handleError, clear: clearError } = useFormApiError(form, FIELDS);
  const locked = account.env_override;
  const cannotStore = account.storage && !account.storage.can_store;

  async function onFinish(values: Values) {
    const body = changes(account, start, values);
    if (Object.keys(body).length === 0) return onDone();
    clearError();
    try {
      const res = await update.mutateAsync(body);
      message.success(res.connection ? `Saved: connected to eMAG (${res.connection.total_products} offers)` : "Changes saved");
      onDone();
    } catch (e) {
      handleError(e);
    }
  }

  return (
    <Form<Values> form={form} layout="vertical" initialValues={start} onFinish={onFinish} onValuesChange={clearError} data-testid={`account-form-${account.kind}`}>
      <Form.Item name="display_name" label="Display name" rules={[{ required: true, whitespace: true, message: "Enter a name" }, { max: 100 }]}>
        <Input />
      </Form.Item>
      <Divider titlePlacement="start" plain>Connection</Divider>
      {locked && (
        <Alert type="info" showIcon style={{ marginBottom: token.marginMD }} title="Set by environment variables"
          description={`EMAG_${account.kind.toUpperCase()}_USERNAME/PASSWORD override anything stored here. Unset them and restart to manage the credentials on this page.`} />
      )}
      {cannotStore && !locked && <Alert type="warning" showIcon style={{ marginBottom: token.marginMD }} title="Credentials cannot be stored" description={account.storage?.message} />}
      <Form.Item name="username" label="API username" rules={locked ? [] : [{ required: replacing, whitespace: true, message: "Enter the eMAG API username" }, { max: 200 }]}>
        <Input autoComplete="off" disabled={locked} placeholder={locked ? "Set by environment variables" : "user@example.ro"} />
      </Form.Item>
      {replacing || locked ? (
        <Form.Item name="password" label="API password" rules={locked ? [] : [{ required: !account.secret_set, message: "Enter the eMAG API password" }, { max: 500 }]}
          extra={locked ? undefined : "Stored encrypted; it is never shown again."}>
          <Input.Password autoComplete="new-password" disabled={locked} data-testid="account-password-input" />
        </Form.Item>
      ) : (
        <Form.Item label="API password">
          <Flex gap={token.marginXS} align="center" wrap>
            <Tag color="green" data-testid="account-password-set">Set</Tag>
            <Button size="small" onClick={() => setReplacing(true)} data-testid="account-password-replace">Replace</Button>
          </Flex>
        </Form.Item>
      )}
      <Form.Item name="base_url" label="API base URL" rules={locked ? [] : [{ required: true, type: "url", message: "Enter an http(s) URL" }]} extra={`Default: ${account.default_base_url}`}>
        <Input disabled={locked} inputMode="url" />
      </Form.Item>
      <Divider titlePlacement="start" plain>Orders and AWBs</Divider>
      <Form.Item name="auto_acknowledge" label="Auto-acknowledge new orders">
        <Select options={[
          { value: "default", label: `Default (${account.settings.auto_acknowledge_default ? "on" : "off"}, ORDERS_AUTO_ACKNOWLEDGE)` },
          { value: "on", label: "On" },
          { value: "off", label: "Off" },
        ]} />
      </Form.Item>
      <Form.Item name="awb_sender_name" label="AWB sender name" rules={[{ min: 3, message: "At least 3 characters" }, { max: 100 }]}>
        <Input placeholder={account.settings.default_sender_name} />
      </Form.Item>
      <Form.Item name="awb_sender_phone" label="AWB sender phone" rules={[{ pattern: /^\+?\d{8,11}$/, message: "8-11 digits" }]}>
        <Input placeholder={account.settings.default_sender_phone} inputMode="tel" />
      </Form.Item>
      <Form.Item name="awb_pickup_address_id" label="Pickup address id" rules={[{ pattern: /^\d{1,20}$/, message: "An eMAG address id (digits)" }]} extra="Empty: eMAG's default pickup address.">
        <Input inputMode="numeric" />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: token.marginMD }} data-testid="account-form-error" />}
      <Flex gap={token.marginSM} wrap justify="space-between">
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="account-save">
          {update.isPending ? "Checking with eMAG…" : "Test and save"}
        </Button>
        {account.secret_set && !locked && (
          <Popconfirm title="Remove the stored credentials?" description="The account goes back to demo mode at once." okText="Remove"
            onConfirm={() => clear.mutateAsync().then(() => { message.success("Stored credentials removed"); onDone(); })}>
            <Button danger loading={clear.isPending}>Remove credentials</Button>
          </Popconfirm>
        )}
      </Flex>
    </Form>
  );
}

export function AccountEditDrawer({ account, open, onClose }: { account: EmagAccount; open: boolean; onClose: () => void }) {
  const isMobile = Grid.useBreakpoint().md === false;
  return (
    <Drawer open={open} onClose={onClose} size={isMobile ? "100%" : 520} destroyOnHidden data-testid={`account-edit-drawer-${account.kind}`}
      title={<Typography.Text ellipsis>Edit eMAG {accountLabels[account.kind]} account</Typography.Text>}>
      {open && <EditForm account={account} onDone={onClose} />}
    </Drawer>
  );
}
