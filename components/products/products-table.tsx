"use client";
import { NoMatches, serverPagination, serverTableChange } from "@/components/common/server-table";
// The products table: server-side paging and sorting; minor columns fold away on small screens.
import { Button, Empty, Grid, Table, Tag, Tooltip, Typography, type TableProps } from "antd";
import Link from "next/link";
import { accountLabels } from "@/components/emag/labels";
import { ProductStatusTag, ValidationTag } from "@/components/products/product-tags";
import { PRODUCT_PAGE_SIZES } from "@/components/products/use-products-url-state";
import type { Page } from "@/lib/ui/api-client";
import type { Product, ProductSortField, ProductsListParams } from "@/lib/ui/queries/emag-products";
import { formatCount, formatDateTime, formatMoney, formatRelative, toNumber } from "@/lib/ui/format";

interface ProductsTableProps {
  page: Page<Product> | undefined;
  loading: boolean;
  params: ProductsListParams;
  filtered: boolean;
  onParamsChange: (patch: Partial<ProductsListParams>) => void;
  onClearFilters: () => void;
  onOpen: (product: Product) => void;
  /** Row selection for bulk changes (managers and admins); kept across pages. */
  selection?: { keys: string[]; onChange: (keys: string[]) => void };
}

export function ProductsTable({ page, loading, params, filtered, onParamsChange, onClearFilters, onOpen, selection }: ProductsTableProps) {
  const isMobile = Grid.useBreakpoint().md === false;
  const sortable = (field: ProductSortField) => ({
    key: field,
    sorter: true,
    sortOrder: params.sort === field ? (params.order === "asc" ? ("ascend" as const) : ("descend" as const)) : null,
  });

  const columns: TableProps<Product>["columns"] = [
    {
      title: "Product",
      dataIndex: "name",
      ...sortable("name"),
      render: (_: unknown, p) => (
        <div style={isMobile ? { width: 180 } : { minWidth: 240, maxWidth: 340 }}>
          <Typography.Link onClick={() => onOpen(p)} data-testid="product-open" style={{ display: "block" }}>
            {p.name || "(no name)"}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: "0.85em" }}>
            {/* The account column folds away on phones; name the account here instead. */}
            {[isMobile ? (accountLabels[p.account] ?? p.account) : null, p.part_number, p.part_number_key].filter(Boolean).join(" · ")}
          </Typography.Text>
        </div>
      ),
    },
    { title: "SKU", dataIndex: "part_number", ...sortable("part_number"), responsive: ["xxl"] },
    { title: "Account", dataIndex: "account", width: 90, responsive: ["sm"], render: (a: Product["account"]) => <Tag>{accountLabels[a] ?? a}</Tag> },
    { title: "Status", key: "status", width: 100, responsive: ["sm"], render: (_: unknown, p) => <ProductStatusTag product={p} /> },
    { title: "Brand", dataIndex: "brand", responsive: ["xxl"], ellipsis: true },
    {
      title: "Price",
      dataIndex: "sale_price",
      ...sortable("sale_price"),
      align: "right",
      render: (_: unknown, p) => <span style={{ whiteSpace: "nowrap" }}>{formatMoney(p.sale_price, p.currency)}</span>,
    },
    {
      title: "Stock",
      dataIndex: "general_stock",
      ...sortable("general_stock"),
      align: "right",
      render: (v: Product["general_stock"]) => <Typography.Text type={toNumber(v) === 0 ? "danger" : undefined}>{formatCount(v)}</Typography.Text>,
    },
    {
      title: "Buy button",
      key: "competition",
      responsive: ["xxl"],
      render: (_: unknown, p) =>
        p.buy_button_rank === 1 ? (
          <Tag color="green">Winning</Tag>
        ) : (
          <Typography.Text type="secondary">{p.buy_button_rank ? `Rank ${p.buy_button_rank}` : "—"}{p.number_of_offers ? ` of ${p.number_of_offers}` : ""}</Typography.Text>
        ),
    },
    { title: "Validation", dataIndex: "validation_status", responsive: ["xl"], render: (v: Product["validation_status"]) => <ValidationTag value={v} /> },
    {
      title: "Last synced",
      dataIndex: "last_synced_at",
      ...sortable("last_synced_at"),
      responsive: ["md"],
      render: (iso: string | null) => (
        <Tooltip title={formatDateTime(iso)}>
          <span style={{ whiteSpace: "nowrap" }}>{formatRelative(iso)}</span>
        </Tooltip>
      ),
    },
  ];

  const onChange = serverTableChange<Product, ProductSortField>(params, { sort: "name", order: "asc" }, onParamsChange);

  const empty = filtered ? (
    <NoMatches what="products" onClear={onClearFilters} />
  ) : (
    <Empty description="No products yet: they appear here after the first sync from eMAG" data-testid="products-empty">
      <Link href="/emag/sync">
        <Button type="primary">Go to product sync</Button>
      </Link>
    </Empty>
  );

  return (
    <div data-testid="products-table" data-total={page?.total}>
      <Table<Product>
        rowKey="id"
        columns={columns}
        dataSource={page?.data}
        loading={loading}
        onChange={onChange}
        onRow={(p) => ({ onDoubleClick: () => onOpen(p) })}
        rowSelection={
          selection && {
            selectedRowKeys: selection.keys,
            preserveSelectedRowKeys: true,
            columnWidth: isMobile ? 32 : undefined,
            onChange: (keys) => selection.onChange(keys.map(String)),
          }
        }
        size={isMobile ? "small" : "medium"}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: page ? empty : <span /> }}
        pagination={serverPagination(params, page?.total, { isMobile, pageSizes: PRODUCT_PAGE_SIZES, noun: "products" })}
      />
    </div>
  );
}
