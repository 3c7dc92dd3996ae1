"use client";
// Drift: offers whose stock on eMAG differs from what MagFlow would send. "Fix selected" / "Fix
// all" push them as one inventory job (its progress shows on the offer jobs list).
import { Alert, Button, Empty, Flex, Grid, Popconfirm, Table, Typography, theme, type TableProps } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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
        <div style={{ width: isMobile ? 150 : 280 }}>
          <Typography.Text ellipsis style={{ display: "block" }}>{r.name ?? `Offer ${r.emag_offer_id}`}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>#{r.emag_offer_id}</Typography.Text>
        </div>
      ),
    },
    { title: "eMAG stock", render: (_: unknown, r) => <span style={figures}>{r.emag_stock ?? "—"}</span> },
    { title: "Would push", render: (_: unknown, r) => <span style={figures}>{r.would_push}</span> },
    { title: "Difference", render: (_: unknown, r) => <span style={figures}>{r.difference === null ? "—" : r.difference > 0 ? `+${r.difference}` : r.difference}</span> },
  ];

  if (!enabled) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Switch inventory on to compare MagFlow's stock with eMAG's" />;
  if (drift.isError && !drift.data) return <QueryError error={drift.error} onRetry={() => void drift.refetch()} retrying={drift.isFetching} />;
  const total = drift.data?.total ?? 0;
  return (
    <Flex vertical gap={token.marginSM}>
      <Flex wrap gap={token.marginSM} align="center" justify="space-between">
        <Typography.Text type="secondary">{drift.data ? `${total} offer(s) differ from what MagFlow would send` : "Comparing…"}</Typography.Text>
        {canWrite && (
          <Flex gap={token.marginXS} wrap>
            <Button disabled={!selected.length} loading={fix.isPending && !!fix.variables} onClick={() => fix.mutate(selected)} data-testid="drift-fix-selected">
              Fix selected{selected.length ? ` (${selected.length})` : ""}
            </Button>
            <Popconfirm title={`Push stock for all ${total} offers?`} okText="Fix all" onConfirm={() => fix.mutate(undefined)} disabled={!total}>
              <Button type="primary" disabled={!total} loading={fix.isPending && !fix.variables} data-testid="drift-fix-all">
                Fix all
              </Button>
            </Popconfirm>
          </Flex>
        )}
      </Flex>
      {fix.data && (
        <Alert
          type="success"
          showIcon
          closable
          title={fix.data.job_id ? `Sending ${fix.data.sent} offer(s) to eMAG as one inventory job` : fix.data.skipped === "busy" ? "A push is running; these offers go out with the next one" : "Nothing to send"}
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
        pagination={serverPagination(params, total, { isMobile, pageSizes: INVENTORY_PAGE_SIZES, noun: "offers" })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No drift: eMAG has what MagFlow would send" /> }}
        data-testid="inventory-drift-table"
      />
    </Flex>
  );
}
