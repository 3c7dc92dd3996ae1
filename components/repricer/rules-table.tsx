"use client";
// The rules table: server-paged, winning order first (priority, then age). Minor columns fold
// away on phones, where the account, strategy and bounds show under the name instead.
import { DeleteOutlined, EditOutlined, ExperimentOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, Grid, Popconfirm, Switch, Table, Tag, Tooltip, Typography, type TableProps } from "antd";
import { pageChange, serverPagination } from "@/components/common/server-table";
import type { Page } from "@/lib/ui/api-client";
import { formatDateTime, formatMoney, formatRelative } from "@/lib/ui/format";
import { RULE_PAGE_SIZES, type RuleJson, type RulesListParams } from "@/lib/ui/queries/repricer";
import { scopeSummary, STRATEGY_LABELS } from "./labels";

interface RulesTableProps {
  page: Page<RuleJson> | undefined;
  loading: boolean;
  params: RulesListParams;
  canWrite: boolean;
  togglingId: string | null;
  onParamsChange: (patch: Partial<RulesListParams>) => void;
  onToggle: (rule: RuleJson, enabled: boolean) => void;
  onEdit: (rule: RuleJson) => void;
  onDelete: (rule: RuleJson) => void;
  onDryRun: (rule: RuleJson) => void;
  onCreate: () => void;
}

/** The rule's own bounds; without one, eMAG's min/max sale price of each offer is the limit. */
function bounds(r: RuleJson): string {
  if (r.floor === null && r.ceiling === null) return "eMAG min – max";
  if (r.ceiling === null) return `${formatMoney(r.floor)} – eMAG max`;
  if (r.floor === null) return `eMAG min – ${formatMoney(r.ceiling)}`;
  return `${formatMoney(r.floor)} – ${formatMoney(r.ceiling)}`;
}

export function RulesTable({ page, loading, params, canWrite, togglingId, onParamsChange, onToggle, onEdit, onDelete, onDryRun, onCreate }: RulesTableProps) {
  const isMobile = Grid.useBreakpoint().md === false;
  const columns: TableProps<RuleJson>["columns"] = [
    {
      title: "Rule",
      key: "name",
      render: (_: unknown, r) => (
        <div style={{ minWidth: 140 }}>
          <Typography.Text strong>{r.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: "block" }}>
            Priority {r.priority} · {scopeSummary(r.scope)}
          </Typography.Text>
          {isMobile && (
            <Typography.Text type="secondary" style={{ display: "block" }}>
              {r.account.toUpperCase()} · {STRATEGY_LABELS[r.strategy]} · {bounds(r)}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: "Account", dataIndex: "account", width: 90, responsive: ["md"], render: (a: RuleJson["account"]) => <Tag>{a.toUpperCase()}</Tag> },
    { title: "Strategy", dataIndex: "strategy", width: 120, responsive: ["md"], render: (s: RuleJson["strategy"]) => STRATEGY_LABELS[s] },
    { title: "Floor – ceiling", key: "bounds", width: 160, responsive: ["md"], render: (_: unknown, r) => bounds(r) },
    {
      title: "Enabled",
      dataIndex: "enabled",
      width: isMobile ? 80 : 90,
      render: (enabled: boolean, r) => (
        <Switch checked={enabled} disabled={!canWrite} loading={togglingId === r.id} onChange={(v) => onToggle(r, v)} aria-label={`Enable ${r.name}`} />
      ),
    },
    {
      title: "Last run",
      dataIndex: "last_run_at",
      width: 120,
      responsive: ["lg"],
      render: (iso: string | null) => (iso ? <Tooltip title={formatDateTime(iso)}>{formatRelative(iso)}</Tooltip> : <Typography.Text type="secondary">Never</Typography.Text>),
    },
    {
      title: "",
      key: "actions",
      width: isMobile ? 112 : 200,
      render: (_: unknown, r) => (
        <Flex gap="small" wrap={!isMobile} justify="end">
          <Button size="small" icon={<ExperimentOutlined />} onClick={() => onDryRun(r)} aria-label={`Dry run ${r.name}`}>
            {!isMobile && "Dry run"}
          </Button>
          {canWrite && <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(r)} aria-label={`Edit ${r.name}`} />}
          {canWrite && (
            <Popconfirm title="Delete this rule?" description="Its past offer jobs stay in the history." okText="Delete" okButtonProps={{ danger: true }} onConfirm={() => onDelete(r)}>
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={`Delete ${r.name}`} />
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Table<RuleJson>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.data ?? []}
      loading={loading}
      scroll={{ x: isMobile ? undefined : 900 }}
      pagination={serverPagination(params, page?.total, { isMobile, pageSizes: RULE_PAGE_SIZES, noun: "rules" })}
      onChange={(p) => onParamsChange(pageChange(p, params))}
      locale={{
        emptyText: (
          <Empty description={params.account ? `No repricer rules for ${params.account.toUpperCase()}` : "No repricer rules yet"}>
            {canWrite && <Button type="primary" onClick={onCreate}>Create a rule</Button>}
          </Empty>
        ),
      }}
      data-testid="repricer-rules-table"
    />
  );
}
