"use client";
// MAIN's inventory settings: on/off, the default oversell buffer, auto-toggle at 0 and the
// low-stock threshold. Field errors from the API land on their field.
import { Alert, Button, Card, Col, Flex, Form, Grid, InputNumber, Row, Skeleton, Statistic, Switch, Typography, theme } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { QueryError } from "@/components/common/query-error";
import { inventoryApi, inventoryKeys, inventoryQueries, type SettingsBody } from "@/lib/ui/queries/inventory";
import { FORM_ERROR_STATUSES, useFormApiError } from "@/lib/ui/use-form-api-error";

const FIELDS = ["enabled", "default_buffer", "auto_toggle", "low_stock_threshold"] as const;
type Values = Required<SettingsBody>;

export function InventorySettingsCard({ canWrite }: { canWrite: boolean }) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  const queryClient = useQueryClient();
  const settings = useQuery(inventoryQueries.settings());
  const [form] = Form.useForm<Values>();
  const { formError, handleError, clear } = useFormApiError(form, FIELDS);
  const save = useMutation({
    mutationFn: (body: SettingsBody) => inventoryApi.updateSettings(body),
    meta: { inlineErrorStatuses: FORM_ERROR_STATUSES },
    onMutate: clear,
    onError: handleError,
    onSuccess: (next) => {
      queryClient.setQueryData(inventoryKeys.settings(), next);
      void queryClient.invalidateQueries({ queryKey: inventoryKeys.all });
    },
  });
  const s = settings.data;
  useEffect(() => {
    if (s) form.setFieldsValue({ enabled: s.enabled, default_buffer: s.default_buffer, auto_toggle: s.auto_toggle, low_stock_threshold: s.low_stock_threshold });
  }, [s, form]);

  let body;
  if (settings.isError && !s) body = <QueryError compact error={settings.error} title="Could not load inventory settings" onRetry={() => void settings.refetch()} retrying={settings.isFetching} />;
  else if (!s) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else
    body = (
      <Flex vertical gap={token.marginMD}>
        <Flex wrap gap={token.marginLG}>
          <Statistic title="Offers tracked" value={s.counts.items} />
          <Statistic title="Low stock" value={s.counts.low} styles={{ content: { color: s.counts.low ? token.colorWarning : undefined } }} />
          <Statistic title="Waiting to push" value={s.counts.dirty} />
        </Flex>
        {isMobile && <Typography.Text type="secondary">FBE stock is held by eMAG, so only MAIN is tracked here.</Typography.Text>}
        <Form form={form} layout="vertical" disabled={!canWrite || save.isPending} onFinish={(v) => save.mutate(v)} onValuesChange={clear} data-testid="inventory-settings-form">
          {/* Four equal columns on wide screens, two on tablets, one on phones. */}
          <Row gutter={[token.marginLG, 0]}>
            <Col xs={24} sm={12} xl={6}>
              <Form.Item name="enabled" label="Inventory" valuePropName="checked" extra="Orders reserve stock; MagFlow sends it to eMAG">
                <Switch checkedChildren="On" unCheckedChildren="Off" data-testid="inventory-enabled" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} xl={6}>
              <Form.Item name="default_buffer" label="Default buffer" extra="Units held back from eMAG per offer" rules={[{ required: true, message: "Enter a buffer (0 for none)" }]}>
                <InputNumber min={0} max={65535} precision={0} style={{ width: 140 }} data-testid="inventory-default-buffer" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} xl={6}>
              <Form.Item name="auto_toggle" label="Auto-toggle" valuePropName="checked" extra="Switch an offer off at 0, back on when restocked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} xl={6}>
              <Form.Item name="low_stock_threshold" label="Low-stock threshold" extra="Notify at or below this many units" rules={[{ required: true, message: "Enter a threshold" }]}>
                <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 140 }} />
              </Form.Item>
            </Col>
          </Row>
          {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: token.marginSM }} />}
          {canWrite ? (
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="inventory-settings-save">
              Save settings
            </Button>
          ) : (
            <Typography.Text type="secondary">You can view these settings; changing them needs the offers.write permission.</Typography.Text>
          )}
        </Form>
      </Flex>
    );

  return (
    <Card title="Inventory settings (MAIN)" variant="borderless" data-testid="inventory-settings-card" extra={isMobile ? undefined : <Typography.Text type="secondary">FBE stock is held by eMAG</Typography.Text>}>
      {body}
    </Card>
  );
}
