"use client";
// The repricer: rules (server-paged, account filter in the URL), a drawer to create or edit one,
// and a dry run per rule that shows old -> new before anything is applied.
import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Card, Flex, Select, theme } from "antd";
import { useState } from "react";
import { QueryError } from "@/components/common/query-error";
import { PageContainer } from "@/components/layout/page-container";
import { DryRunDrawer } from "@/components/repricer/dry-run-drawer";
import { RuleDrawer } from "@/components/repricer/rule-drawer";
import { RulesTable } from "@/components/repricer/rules-table";
import { useDeleteRule, useToggleRule } from "@/components/repricer/use-repricer-mutations";
import { repricerQueries, useRulesUrlState, type RuleJson } from "@/lib/ui/queries/repricer";

export function RepricerPageClient({ canWrite }: { canWrite: boolean }) {
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const { params, setParams } = useRulesUrlState();
  const list = useQuery(repricerQueries.list(params));
  const toggle = useToggleRule();
  const remove = useDeleteRule();
  const [editing, setEditing] = useState<{ rule: RuleJson | null } | null>(null);
  const [dryRun, setDryRun] = useState<RuleJson | null>(null);

  return (
    <PageContainer
      title="Repricer"
      subtitle="Rules that keep prices competitive on eMAG, always within your floor and ceiling"
      extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ rule: null })} data-testid="repricer-new-rule">New rule</Button>}
    >
      <Card variant="borderless" styles={{ body: { padding: token.padding } }} data-testid="repricer-page">
        <Flex gap="small" wrap style={{ marginBottom: token.marginSM }}>
          <Select
            allowClear
            placeholder="All accounts"
            style={{ minWidth: 140 }}
            value={params.account}
            onChange={(account) => setParams({ account }, { resetPage: true })}
            options={[{ value: "main", label: "MAIN" }, { value: "fbe", label: "FBE" }]}
          />
        </Flex>
        {list.isError && !list.data ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : (
          <RulesTable
            page={list.data}
            loading={list.isPending || list.isPlaceholderData}
            params={params}
            canWrite={canWrite}
            togglingId={toggle.isPending ? (toggle.variables?.id ?? null) : null}
            onParamsChange={setParams}
            onToggle={(r, enabled) => toggle.mutate({ id: r.id, enabled })}
            onEdit={(rule) => setEditing({ rule })}
            onDelete={(r) => remove.mutate(r.id, { onSuccess: () => void message.success(`Rule “${r.name}” deleted`) })}
            onDryRun={setDryRun}
            onCreate={() => setEditing({ rule: null })}
          />
        )}
      </Card>
      <RuleDrawer open={!!editing} rule={editing?.rule ?? null} onClose={() => setEditing(null)} />
      <DryRunDrawer rule={dryRun} canWrite={canWrite} onClose={() => setDryRun(null)} />
    </PageContainer>
  );
}
