"use client";
// Drift: offers whose stock on eMAG differs from what MagFlow would send. "Fix selected" / "Fix
// all" push them as one inventory job (its progress shows on the offer jobs list). On phones the
// three figures share one column (eMAG → would push, and the difference under them).
import { Alert, Button, Empty, Flex, Grid, Popconfirm, Table, Tooltip, Typography, theme, type TableProps } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { QueryError } from "@/components/common/query-error";
import { serverPagination } from "@/components/common/server-table";
import { INVENTORY_PAGE_SIZES, inventoryApi, inventoryKeys, inventoryQueries, type DriftRow } from "@/lib/ui/queries/inventory";

interface Props {
  page: number;
  enabled: boolean;
  canWrite: boolean;
  onPageChange: (page: number) => void;
}

const PAGE_SIZE = 20;
const figures = { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;
const offers = (n: number) => `${n} offer${n === 1 ? "" : "s"}`;
const signed = (d: number | null) => (d === null ? "—" : d > 0 ? `+${d}` : String(d));

function fixMessage(r: { job_id: string | null; sent: number; marked: number; skipped?: string }) {
  if (r.job_id) {
    const others = r.sent - r.marked;
    return `Sending ${offers(r.sent)} to eMAG as one inventory job${others > 0 ? ` (with ${offers(others)} already due)` : ""}`;
  }
  if (r.skipped === "busy") return "A push is running; these offers go out with the next one (within a minute)";
  return r.marked ? "Nothing to send: a change to these offers is still on its way to eMAG" : "Nothing to send: these offers no longer differ";
}

export function InventoryDriftTable({ page, enabled, canWrite, onPageChange }: Props) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  const queryClient = useQueryClient();
  const params = { page, pageSize: PAGE_SIZE };
  const drift = useQuery({ ...inventoryQueries.drift(params), enabled });
  const [selected, setSelected] = useState<string[]>([]);
  const fix = useMutation({
    mutationFn: (ids?: string[]) => inventoryApi.fixDrift(ids),
    onSuccess: () => {
      setSelected([]);
      void queryClient.invalidateQueries({ queryKey: inventoryKeys.all });
    },
  });

  const columns: TableProps<DriftRow>["columns"] = [
    {
      title: "Offer",
      render: (_: unknown, r) => (
        <div style={{ width: isMobile ? 170 : 420 }}>
          <Typography.Text ellipsis style={{ display: "block" }}>{r.name ?? `Offer ${r.emag_offer_id}`}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>#{r.emag_offer_id}</Typography.Text>
        </div>
      ),
    },
    ...(isMobile
      ? [
          {
            title: "eMAG → push",
            key: "stock",
            render: (_: unknown, r: DriftRow) => (
              <div style={figures}>
                {r.emag_stock ?? "—"} → {r.would_push}
                <Typography.Text type="secondary" style={{ display: "block", fontSize: token.fontSizeSM }}>{signed(r.difference)}</Typography.Text>
              </div>
            ),
          },
        ]
      : [
          { title: "eMAG stock", key: "emag", render: (_: unknown, r: DriftRow) => <span style={figures}>{r.emag_stock ?? "—"}</span> },
          { title: "Would push", key: "push", render: (_: unknown, r: DriftRow) => <span style={figures}>{r.would_push}</span> },
          { title: <Tooltip title="eMAG's stock − what MagFlow would push">Difference</Tooltip>, key: "diff", render: (_: unknown, r: DriftRow) => <span style={figures}>{signed(r.difference)}</span> },
        ]),
  ];

  if (!enabled) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Switch inventory on to compare MagFlow's stock with eMAG's" />;
  if (drift.isError && !drift.data) return <QueryError error={drift.error} onRetry={() => void drift.refetch()} retrying={drift.isFetching} />;
  const total = drift.data?.total ?? 0;
  return (
    <Flex vertical gap={token.marginSM}>
      <Flex wrap gap={token.marginSM} align="center" justify="space-between">
        <Typography.Text type="secondary">{drift.data ? `${offers(total)} ${total === 1 ? "differs" : "differ"} from what MagFlow would send` : "Comparing…"}</Typography.Text>
        {canWrite && (
          <Flex gap={token.marginXS} wrap>
            <Button disabled={!selected.length} loading={fix.isPending && !!fix.variables} onClick={() => fix.mutate(selected)} data-testid="drift-fix-selected">
              Fix selected{selected.length ? ` (${selected.length})` : ""}
            </Button>
            <Popconfirm title={`Push stock for all ${offers(total)}?`} okText="Fix all" onConfirm={() => fix.mutate(undefined)} disabled={!total}>
              <Button type="primary" disabled={!total} loading={fix.isPending && !fix.variables} data-testid="drift-fix-all">
                Fix all
              </Button>
            </Popconfirm>
          </Flex>
        )}
      </Flex>
      {fix.data && (
        <Alert
          type={fix.data.job_id ? "success" : "info"}
          showIcon
          closable
          onClose={() => fix.reset()}
          title={fixMessage(fix.data)}
          action={fix.data.job_id ? <Link href={`/offers/jobs?job=${encodeURIComponent(fix.data.job_id)}`} data-testid="drift-fix-job-link">Follow the job</Link> : undefined}
          data-testid="drift-fix-result"
        />
      )}
      <Table<DriftRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={drift.data?.data}
        loading={drift.isPending || drift.isPlaceholderData}
        rowSelection={canWrite ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined}
        scroll={{ x: "max-content" }}
        onChange={(p) => onPageChange(p.current ?? 1)}
        // The drift list pages by a fixed size (the URL keeps only the page): no size changer.
        pagination={{ ...serverPagination(params, total, { isMobile, pageSizes: INVENTORY_PAGE_SIZES, noun: "offers" }), showSizeChanger: false }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No drift: eMAG has what MagFlow would send" /> }}
        data-testid="inventory-drift-table"
      />
    </Flex>
  );
}
