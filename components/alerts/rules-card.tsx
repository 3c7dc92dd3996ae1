"use client";
// The rules: on/off and the threshold of each (saved when the field is left or Enter is pressed).
import { useQuery } from "@tanstack/react-query";
import { Card, Empty, Flex, InputNumber, List, Skeleton, Switch, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { QueryError } from "@/components/common/query-error";
import { alertQueries, useUpdateRule, type RuleJson } from "./queries";

const SEVERITY_COLOR: Record<string, string> = { critical: "error", warning: "warning", info: "processing" };

function RuleRow({ rule }: { rule: RuleJson }) {
  const update = useUpdateRule();
  const [value, setValue] = useState<number | null>(rule.threshold);
  useEffect(() => setValue(rule.threshold), [rule.threshold]);
  const spec = rule.threshold_spec;
  const save = () => {
    if (value !== null && value !== rule.threshold) update.mutate({ id: rule.id, body: { threshold: value } }, { onError: () => setValue(rule.threshold) });
  };
  return (
    <List.Item data-testid={`alerts-rule-${rule.id}`} style={{ display: "block" }}>
      <Flex justify="space-between" align="flex-start" gap="small" wrap>
        <div style={{ minWidth: 0, flex: "1 1 240px" }}>
          <Typography.Text strong>{rule.title}</Typography.Text> <Tag color={SEVERITY_COLOR[rule.severity]}>{rule.severity}</Tag>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {rule.description} One alert per {rule.window_minutes >= 60 ? `${rule.window_minutes / 60} h` : `${rule.window_minutes} min`}.
          </Typography.Paragraph>
        </div>
        <Flex gap="small" align="center" wrap>
          {spec && (
            <Typography.Text type="secondary">{spec.label}</Typography.Text>
          )}
          {spec && (
            <InputNumber
              aria-label={spec.label}
              suffix={spec.unit}
              min={spec.min}
              max={spec.max}
              value={value}
              onChange={setValue}
              onBlur={save}
              onPressEnter={save}
              disabled={update.isPending}
              style={{ width: 140 }}
              data-testid="alerts-rule-threshold"
            />
          )}
          <Switch
            checked={rule.enabled}
            loading={update.isPending}
            aria-label={`Enable ${rule.title}`}
            data-testid="alerts-rule-toggle"
            onChange={(enabled) => update.mutate({ id: rule.id, body: { enabled } })}
          />
        </Flex>
      </Flex>
    </List.Item>
  );
}

export function RulesCard() {
  const rules = useQuery(alertQueries.rules());
  return (
    <Card title="Rules" data-testid="alerts-rules">
      {rules.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : rules.isError ? (
        <QueryError compact error={rules.error} onRetry={() => void rules.refetch()} retrying={rules.isFetching} />
      ) : rules.data.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No rules" />
      ) : (
        <List dataSource={rules.data.data} rowKey="id" renderItem={(r) => <RuleRow rule={r} />} />
      )}
    </Card>
  );
}
