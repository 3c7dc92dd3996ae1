"use client";
// The inventory items: available (editable), buffer (editable; empty = the default), what MagFlow
// would send, eMAG's stock and the low flag. Server-paged and sorted, state in the URL. On phones
// would push, eMAG's stock and the low flag fold under the offer's name, so the two editable
// numbers stay on screen without sideways scrolling.
import { Empty, Flex, Grid, Input, Switch, Table, Tag, Tooltip, Typography, theme, type TableProps } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { NoMatches, serverPagination, serverTableChange } from "@/components/common/server-table";
import { QueryError } from "@/components/common/query-error";
import { EditableNumber } from "@/components/inventory/editable-number";
import { formatRelative } from "@/lib/ui/format";
import { INVENTORY_PAGE_SIZES, inventoryApi, inventoryKeys, inventoryQueries, type InventoryItemJson, type InventoryItemsParams, type InventorySort, type ItemPatch } from "@/lib/ui/queries/inventory";

interface Props {
  params: InventoryItemsParams;
  enabled: boolean;
  canWrite: boolean;
  onParamsChange: (patch: Partial<InventoryItemsParams>, resetPage?: boolean) => void;
}

const figures = { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;

export function InventoryItemsTable({ params, enabled, canWrite, onParamsChange }: Props) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  const queryClient = useQueryClient();
  const list = useQuery(inventoryQueries.items(params));
  const edit = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ItemPatch }) => inventoryApi.updateItem(id, patch),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: inventoryKeys.all }),
  });
  const filtered = !!params.search || !!params.low;
  const sortable = (field: InventorySort) => ({ key: field, sorter: true, sortOrder: params.sort === field ? (params.order === "asc" ? ("ascend" as const) : ("descend" as const)) : null });
  const saving = (id: string) => edit.isPending && edit.variables?.id === id;
  const emagStock = (r: InventoryItemJson) => (
    <Typography.Text style={figures} type={r.emag_stock !== r.would_push ? "warning" : undefined}>
      {r.emag_stock ?? "—"}
      {r.emag_status === 0 && <Tag style={{ marginInlineStart: token.marginXXS }}>{r.auto_disabled ? "off (auto)" : "off"}</Tag>}
    </Typography.Text>
  );
  const lowTag = (r: InventoryItemJson) => (r.low ? <Tag color="warning">≤ {r.effective_threshold}</Tag> : null);

  const columns: TableProps<InventoryItemJson>["columns"] = [
    {
      title: "Offer",
      ...sortable("name"),
      render: (_: unknown, r) => (
        <div style={{ width: isMobile ? 120 : 280 }}>
          <Typography.Text ellipsis style={{ display: "block" }}>{r.name ?? `Offer ${r.emag_offer_id}`}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ display: "block", fontSize: token.fontSizeSM }}>
            {[r.part_number, `#${r.emag_offer_id}`].filter(Boolean).join(" · ")}
          </Typography.Text>
          {isMobile && (
            <Flex wrap gap={token.marginXXS} align="center" style={{ fontSize: token.fontSizeSM, marginTop: token.marginXXS }}>
              <span style={figures}>
                Push {r.would_push} · eMAG {r.emag_stock ?? "—"}
              </span>
              {r.dirty && <Tag color="processing">due</Tag>}
              {r.emag_status === 0 && <Tag>{r.auto_disabled ? "off (auto)" : "off"}</Tag>}
              {lowTag(r)}
            </Flex>
          )}
        </div>
      ),
    },
    {
      title: "Available",
      ...sortable("available"),
      render: (_: unknown, r) => (
        <EditableNumber label={`available of offer ${r.emag_offer_id}`} value={r.available} disabled={!canWrite} saving={saving(r.id)} onSave={(v) => edit.mutate({ id: r.id, patch: { available: v ?? 0 } })} />
      ),
    },
    {
      title: "Buffer",
      render: (_: unknown, r) => (
        <EditableNumber
          label={`buffer of offer ${r.emag_offer_id}`}
          value={r.buffer}
          nullable
          max={65535}
          placeholder={`default ${r.effective_buffer}`}
          display={
            r.buffer === null ? (
              // Phones stack "(default)" under the number to keep the column narrow.
              <Typography.Text type="secondary" style={isMobile ? { display: "inline-flex", flexDirection: "column", lineHeight: 1.25 } : undefined}>
                <span>{r.effective_buffer}</span>
                {isMobile ? <span style={{ fontSize: token.fontSizeSM }}>(default)</span> : " (default)"}
              </Typography.Text>
            ) : (
              r.buffer
            )
          }
          disabled={!canWrite}
          saving={saving(r.id)}
          onSave={(v) => edit.mutate({ id: r.id, patch: { buffer: v } })}
        />
      ),
    },
    {
      title: <Tooltip title="max(0, available − buffer)">Would push</Tooltip>,
      ...sortable("would_push"),
      responsive: ["md"],
      render: (_: unknown, r) => (
        <Flex gap={token.marginXXS} align="center" style={figures}>
          {r.would_push}
          {r.dirty && <Tag color="processing">due</Tag>}
        </Flex>
      ),
    },
    {
      title: <Tooltip title="Highlighted when it differs from what MagFlow would push (see Drift)">eMAG stock</Tooltip>,
      ...sortable("emag_stock"),
      responsive: ["md"],
      render: (_: unknown, r) => emagStock(r),
    },
    {
      title: "Low",
      responsive: ["md"],
      render: (_: unknown, r) => lowTag(r) ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    { title: "Pushed", ...sortable("updated_at"), responsive: ["lg"], render: (_: unknown, r) => <span style={figures}>{r.pushed_at ? `${r.pushed_stock} · ${formatRelative(r.pushed_at)}` : "—"}</span> },
  ];

  const toolbar = (
    <Flex wrap gap={token.marginSM} align="center" style={{ marginBottom: token.marginSM }}>
      <Input.Search
        allowClear
        placeholder="Name, part number or offer id"
        defaultValue={params.search}
        onSearch={(v) => onParamsChange({ search: v.trim() || undefined }, true)}
        style={{ width: isMobile ? "100%" : 320 }}
        aria-label="Search inventory"
      />
      <Flex gap={token.marginXS} align="center">
        <Switch size="small" checked={!!params.low} onChange={(on) => onParamsChange({ low: on || undefined }, true)} aria-label="Low stock only" />
        <Typography.Text>Low stock only</Typography.Text>
      </Flex>
    </Flex>
  );

  if (list.isError && !list.data) return <QueryError error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  return (
    <>
      {toolbar}
      <Table<InventoryItemJson>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.data}
        loading={list.isPending || list.isPlaceholderData}
        scroll={{ x: "max-content" }}
        onChange={serverTableChange<InventoryItemJson, InventorySort>(params, { sort: "name", order: "asc" }, (patch) => onParamsChange(patch))}
        pagination={serverPagination(params, list.data?.total, { isMobile, pageSizes: INVENTORY_PAGE_SIZES, noun: "offers" })}
        locale={{
          emptyText: filtered ? (
            <NoMatches what="offers" onClear={() => onParamsChange({ search: undefined, low: undefined }, true)} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={enabled ? "No MAIN offers tracked yet: run a product sync" : "Switch inventory on to track MAIN's offers"} />
          ),
        }}
        data-testid="inventory-items-table"
      />
    </>
  );
}
