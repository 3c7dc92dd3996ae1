"use client";
// The customers table: server-side paging and sorting. Phones keep the customer (with its tags
// folded under the name) and the net spend; wider content scrolls sideways, never squeezes.
import { BankOutlined, UserOutlined } from "@ant-design/icons";
import { Empty, Flex, Grid, Table, Tag, Tooltip, Typography, theme, type TableProps } from "antd";
import { NoMatches, serverPagination, serverTableChange } from "@/components/common/server-table";
import { RiskTag, SegmentTag, TierTag } from "@/components/customers/customer-tags";
import { CUSTOMER_PAGE_SIZES, type CustomerList, type CustomerSort, type CustomerSummaryRow, type CustomersListParams } from "@/lib/ui/queries/customers";
import { formatCount, formatDateTime, formatMoney, formatRelative } from "@/lib/ui/format";

interface CustomersTableProps {
  page: CustomerList | undefined;
  loading: boolean;
  params: CustomersListParams;
  filtered: boolean;
  onParamsChange: (patch: Partial<CustomersListParams>) => void;
  onClearFilters: () => void;
  onOpen: (customer: CustomerSummaryRow) => void;
}

const nowrap = { whiteSpace: "nowrap" } as const;
const figures = { ...nowrap, fontVariantNumeric: "tabular-nums" } as const;

export function CustomersTable({ page, loading, params, filtered, onParamsChange, onClearFilters, onOpen }: CustomersTableProps) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  const sortable = (field: CustomerSort) => ({
    key: field,
    sorter: true,
    sortOrder: params.sort === field ? (params.order === "asc" ? ("ascend" as const) : ("descend" as const)) : null,
  });
  const secondary = { display: "block", fontSize: token.fontSizeSM } as const;

  const columns: TableProps<CustomerSummaryRow>["columns"] = [
    {
      title: "Customer",
      dataIndex: "name",
      ...sortable("name"),
      render: (_: unknown, c) => (
        <div style={{ width: isMobile ? 200 : 220 }}>
          <Flex align="center" gap={token.marginXS}>
            <Tooltip title={c.kind === "company" ? "Company" : "Person"}>
              {c.kind === "company" ? <BankOutlined aria-label="Company" /> : <UserOutlined aria-label="Person" />}
            </Tooltip>
            <Typography.Link onClick={() => onOpen(c)} ellipsis data-testid="customer-open" data-customer-id={c.id} style={{ minWidth: 0 }}>
              {c.name ?? "Unnamed customer"}
            </Typography.Link>
          </Flex>
          <Typography.Text type="secondary" ellipsis style={secondary}>
            {[c.phone, c.cities[0]].filter(Boolean).join(" · ") || "—"}
          </Typography.Text>
          {/* The tag columns fold away on phones; the tags ride along under the name. */}
          {isMobile && (
            <Flex wrap gap={token.marginXXS} style={{ marginTop: token.marginXXS }}>
              <TierTag tier={c.tier} />
              <SegmentTag segment={c.rfm_segment} rfm={c.rfm} />
              {c.risk !== "low" && <RiskTag risk={c.risk} />}
            </Flex>
          )}
        </div>
      ),
    },
    { title: "Tier", dataIndex: "tier", responsive: ["md"], render: (_: unknown, c) => <TierTag tier={c.tier} /> },
    { title: "Segment", dataIndex: "rfm_segment", responsive: ["md"], render: (_: unknown, c) => <SegmentTag segment={c.rfm_segment} rfm={c.rfm} /> },
    { title: "Risk", dataIndex: "risk", responsive: ["md"], render: (_: unknown, c) => <RiskTag risk={c.risk} short /> },
    {
      title: "Orders",
      dataIndex: "orders_total",
      ...sortable("orders_total"),
      align: "right",
      responsive: ["sm"],
      render: (_: unknown, c) => (
        <Tooltip title={`${c.orders_delivered} delivered · ${c.orders_cancelled} cancelled · ${c.orders_returned} returned`}>
          <span style={figures}>{formatCount(c.orders_total)}</span>
        </Tooltip>
      ),
    },
    {
      title: "Net spend",
      dataIndex: "net_spend",
      ...sortable("net_spend"),
      align: "right",
      render: (_: unknown, c) => <span style={figures}>{formatMoney(c.net_spend, c.currency ?? "RON")}</span>,
    },
    {
      title: "AOV",
      dataIndex: "avg_order_value",
      ...sortable("avg_order_value"),
      align: "right",
      responsive: ["lg"],
      render: (_: unknown, c) => <span style={figures}>{formatMoney(c.avg_order_value, c.currency ?? "RON")}</span>,
    },
    { title: "Loyalty", dataIndex: "loyalty", ...sortable("loyalty"), align: "right", responsive: ["xxl"], render: (n: number) => <span style={figures}>{n}</span> },
    {
      title: "Last order",
      dataIndex: "last_order_at",
      ...sortable("last_order_at"),
      responsive: ["md"],
      render: (iso: string | null) => (
        <Tooltip title={formatDateTime(iso)}>
          <span style={nowrap}>{formatRelative(iso)}</span>
        </Tooltip>
      ),
    },
    {
      title: "Accounts",
      key: "accounts",
      responsive: ["xl"],
      render: (_: unknown, c) => (
        <Flex vertical gap={token.marginXXS} align="flex-start">
          {c.accounts.main > 0 && <Tag style={{ marginInlineEnd: 0 }}>MAIN {c.accounts.main}</Tag>}
          {c.accounts.fbe > 0 && <Tag style={{ marginInlineEnd: 0 }}>FBE {c.accounts.fbe}</Tag>}
        </Flex>
      ),
    },
  ];

  const onChange = serverTableChange<CustomerSummaryRow, CustomerSort>(params, { sort: "net_spend", order: "desc" }, onParamsChange);
  const empty = filtered ? (
    <NoMatches what="customers" onClear={onClearFilters} />
  ) : (
    <Empty description="No customers yet: they are built from the orders as the order sync imports them" data-testid="customers-empty" />
  );

  return (
    <div data-testid="customers-table" data-total={page?.total}>
      <Table<CustomerSummaryRow>
        rowKey="id"
        columns={columns}
        dataSource={page?.data}
        loading={loading}
        onChange={onChange}
        onRow={(c) => ({ onDoubleClick: () => onOpen(c) })}
        size={isMobile ? "small" : "medium"}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: page ? empty : <span /> }}
        pagination={{
          ...serverPagination(params, page?.total, { isMobile, pageSizes: CUSTOMER_PAGE_SIZES, noun: "customers" }),
          ...(page?.total_estimated && !isMobile ? { showTotal: (all: number) => `about ${formatCount(all)} customers` } : {}),
        }}
      />
    </div>
  );
}
