"use client";
// The fields of a sync request. Empty optional numbers mean "server default".
import { Alert, Form, InputNumber, Radio, Space, Switch, Typography, theme, type FormInstance } from "antd";
import { conflictStrategyLabels } from "@/components/sync/sync-labels";
import { conflictStrategies, type StartSyncBody } from "@/lib/ui/queries/emag-sync";

export type SyncOptionsValues = Omit<StartSyncBody, "run_async" | "max_pages" | "timeout_seconds"> & {
  max_pages?: number | null;
  timeout_seconds?: number | null;
};

export const defaultSyncOptions: SyncOptionsValues = {
  account_type: "both",
  mode: "incremental",
  items_per_page: 100,
  include_inactive: true,
  conflict_strategy: "emag_priority",
};

interface SyncOptionsFormProps {
  form: FormInstance<SyncOptionsValues>;
  initialValues: SyncOptionsValues;
  onFinish: (values: SyncOptionsValues) => void;
}

export function SyncOptionsForm({ form, initialValues, onFinish }: SyncOptionsFormProps) {
  const { token } = theme.useToken();
  const mode = Form.useWatch("mode", form) ?? initialValues.mode;
  return (
    <Form<SyncOptionsValues> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} requiredMark={false}>
      <Form.Item name="account_type" label="Accounts">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: "main", label: "MAIN" },
            { value: "fbe", label: "FBE" },
            { value: "both", label: "Both" },
          ]}
          data-testid="sync-option-account"
        />
      </Form.Item>
      <Form.Item name="mode" label="Mode">
        <Radio.Group
          optionType="button"
          options={[
            { value: "incremental", label: "Incremental" },
            { value: "full", label: "Full" },
          ]}
          data-testid="sync-option-mode"
        />
      </Form.Item>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: token.marginLG }}
        title={mode === "full" ? "Full sync" : "Incremental sync"}
        description={
          mode === "full"
            ? "Reads every offer page and writes every product; offers no longer on eMAG are marked removed (only after a complete read)."
            : "eMAG has no “modified since” filter for offers, so an incremental sync still reads every page (or up to Max pages), but writes only the products that changed and never marks removals."
        }
      />
      <Space wrap size="middle" align="start">
        <Form.Item name="items_per_page" label="Items per page" rules={[{ required: true, type: "integer", min: 1, max: 100, message: "1 to 100" }]}>
          <InputNumber min={1} max={100} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="max_pages" label="Max pages" rules={[{ type: "integer", min: 1, message: "At least 1" }]}>
          <InputNumber min={1} precision={0} placeholder="All pages" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="timeout_seconds" label="Timeout (s)" rules={[{ type: "integer", min: 10, max: 3600, message: "10 to 3600" }]}>
          <InputNumber min={10} max={3600} precision={0} placeholder="Default" style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Form.Item name="include_inactive" label="Include inactive offers" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="conflict_strategy" label="When a product was also edited in MagFlow">
        <Radio.Group style={{ display: "flex", flexDirection: "column", gap: token.marginXS }}>
          {conflictStrategies.map((s) => (
            <Radio key={s} value={s}>
              <Typography.Text strong>{conflictStrategyLabels[s].label}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: "block" }}>
                {conflictStrategyLabels[s].hint}
              </Typography.Text>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
    </Form>
  );
}
