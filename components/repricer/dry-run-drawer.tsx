"use client";
// A rule's dry run: every offer it covers, old -> new with the reason, a chart of our price
// against the best offer for the offers that change, and "Apply" (confirmed) to send the changes;
// the job it starts is linked in the drawer. Phones get the filter as a select, and the status
// under the price rather than in a column of its own.
import { ArrowRightOutlined, SendOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Drawer, Empty, Flex, Grid, Popconfirm, Segmented, Select, Skeleton, Table, Tag, Typography, theme, type TableProps } from "antd";
import Link from "next/link";
import { useState } from "react";
import { PriceVsCompetitorChart } from "@/components/charts/price-vs-competitor-chart";
import { QueryError } from "@/components/common/query-error";
import { pageChange, serverPagination } from "@/components/common/server-table";
import type { DryRunQuery } from "@/lib/repricer/api-types";
import { formatMoney } from "@/lib/ui/format";
import { repricerQueries, type PlanRow, type RuleJson } from "@/lib/ui/queries/repricer";
import { ROW_STATUS, STRATEGY_LABELS } from "./labels";
import { useApplyRule } from "./use-repricer-mutations";

const ONLY = ["all", "change", "unchanged", "skipped", "invalid"] as const;
const FIRST: DryRunQuery = { page: 1, pageSize: 20, only: "all" };

export function DryRunDrawer({ rule, canWrite, onClose }: { rule: RuleJson | null; canWrite: boolean; onClose: () => void }) {
  const isMobile = Grid.useBreakpoint().md === false;
  const { token } = theme.useToken();
  const [q, setQ] = useState<DryRunQuery>(FIRST);
  const run = useQuery({ ...repricerQueries.dryRun(rule?.id ?? "", q), enabled: !!rule });
  const apply = useApplyRule();
  const summary = run.data?.summary;
  const limits = run.data?.limits;
  const changed = (run.data?.data ?? []).filter((r) => r.status === "change").slice(0, 20);
  const close = () => {
    apply.reset();
    setQ(FIRST);
    onClose();
  };
  const filterOptions = ONLY.map((o) => ({ value: o, label: `${o === "all" ? "All" : ROW_STATUS[o].label} ${summary ? (o === "all" ? summary.total : summary[o]) : ""}`.trim() }));

  const columns: TableProps<PlanRow>["columns"] = [
    {
      title: "Offer",
      key: "offer",
      render: (_: unknown, r) => (
        <div style={{ minWidth: 140 }}>
          <Typography.Text ellipsis style={{ maxWidth: isMobile ? 190 : 260, display: "block" }}>{r.name ?? r.part_number ?? r.emag_offer_id}</Typography.Text>
          <Typography.Text type="secondary">#{r.emag_offer_id}{r.buy_button_rank !== null ? ` · rank ${r.buy_button_rank}` : ""}</Typography.Text>
          {isMobile && <Typography.Text type="secondary" style={{ display: "block" }}>{r.reason}</Typography.Text>}
        </div>
      ),
    },
    {
      title: "Price",
      key: "price",
      width: isMobile ? 116 : 170,
      render: (_: unknown, r) => (
        <Flex gap={token.marginXXS} align="center" wrap>
          <span>{formatMoney(r.current_price)}</span>
          {r.would_change && (
            <>
              <ArrowRightOutlined style={{ color: token.colorTextTertiary }} />
              <Typography.Text strong>{formatMoney(r.target_price)}</Typography.Text>
            </>
          )}
          {r.clamped && <Tag color="gold">bound</Tag>}
          {isMobile && <Tag color={ROW_STATUS[r.status].color}>{ROW_STATUS[r.status].label}</Tag>}
        </Flex>
      ),
    },
    { title: "Best offer", dataIndex: "best_offer_sale_price", width: 100, responsive: ["lg"], render: (v: number | null) => formatMoney(v) },
    { title: "Reason", dataIndex: "reason", responsive: ["md"], render: (v: string, r) => <>{v}{r.violations.map((x) => <Typography.Text key={x.field} type="danger" style={{ display: "block" }}>{x.message}</Typography.Text>)}</> },
    { title: "", dataIndex: "status", width: 100, responsive: ["md"], render: (s: PlanRow["status"]) => <Tag color={ROW_STATUS[s].color}>{ROW_STATUS[s].label}</Tag> },
  ];

  const doApply = () =>
    rule &&
    apply.mutate(rule.id, {
      onSuccess: () => void run.refetch(),
    });

  return (
    <Drawer
      open={!!rule}
      onClose={close}
      size={isMobile ? "100%" : 960}
      destroyOnHidden
      title={rule ? `Dry run: ${rule.name}` : "Dry run"}
      extra={
        canWrite && rule && (
          <Popconfirm
            title={`Send ${summary?.change ?? 0} price change${summary?.change === 1 ? "" : "s"} to eMAG?`}
            description="The plan is computed again from the current data when you confirm."
            okText="Apply"
            onConfirm={doApply}
            disabled={!summary?.change}
          >
            <Button type="primary" icon={<SendOutlined />} loading={apply.isPending} disabled={!summary?.change} data-testid="repricer-apply">
              Apply
            </Button>
          </Popconfirm>
        )
      }
      data-testid="repricer-dry-run"
    >
      {rule && (
        <Typography.Paragraph type="secondary">
          {rule.account.toUpperCase()} · {STRATEGY_LABELS[rule.strategy]} · nothing is sent until you apply.
        </Typography.Paragraph>
      )}
      {run.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : run.isError && !run.data ? (
        <QueryError error={run.error} onRetry={() => void run.refetch()} retrying={run.isFetching} />
      ) : (
        <Flex vertical gap={token.marginMD} data-testid="repricer-dry-run-result" data-total={summary?.total} data-change={summary?.change}>
          {apply.data && (
            <Alert
              type={apply.data.job ? "success" : "info"}
              showIcon
              title={apply.data.job ? `${apply.data.job.total} price change${apply.data.job.total === 1 ? "" : "s"} sent to eMAG` : apply.data.message}
              description={apply.data.job?.skipped ? `${apply.data.job.skipped} left out for breaking eMAG's rules.` : undefined}
              action={apply.data.job ? <Link href={`/offers/jobs?job=${encodeURIComponent(apply.data.job.id)}`} data-testid="repricer-job-link">Follow the job</Link> : undefined}
              data-testid="repricer-apply-result"
            />
          )}
          {limits?.offers.truncated && <Alert type="warning" showIcon title={`Only the first ${limits.offers.limit} matching offers are planned; narrow the rule's scope.`} />}
          {limits?.smart_deals?.truncated && <Alert type="info" showIcon title={`Smart Deals prices were checked for ${limits.smart_deals.checked} offers (at most ${limits.smart_deals.limit} per request); the others are skipped and will be covered by the scheduled runs.`} />}
          {isMobile ? (
            <Select<DryRunQuery["only"]> value={q.only} onChange={(only) => setQ({ ...q, only, page: 1 })} options={filterOptions} aria-label="Show offers" />
          ) : (
            <Segmented<DryRunQuery["only"]> value={q.only} onChange={(only) => setQ({ ...q, only, page: 1 })} options={filterOptions} />
          )}
          {changed.length > 0 && <div data-testid="repricer-dry-run-chart"><PriceVsCompetitorChart data={changed.map((r) => ({ label: `#${r.emag_offer_id}`, current: r.current_price, target: r.target_price, best: r.best_offer_sale_price }))} /></div>}
          <Table<PlanRow>
            rowKey="product_id"
            size="small"
            columns={columns}
            dataSource={run.data?.data ?? []}
            loading={run.isFetching}
            pagination={serverPagination(q, run.data?.total, { isMobile, pageSizes: [20, 50, 100], noun: "offers" })}
            onChange={(p) => setQ({ ...q, ...pageChange(p, q) })}
            locale={{ emptyText: <Empty description={q.only === "all" ? "This rule covers no live offer" : "No offer in this group"} /> }}
            data-testid="repricer-dry-run-table"
          />
        </Flex>
      )}
    </Drawer>
  );
}
