"use client";
// Search and filters above the orders table. Every change lands in the URL (and back on page 1);
// on phones the controls wrap into full-width rows.
import { Button, DatePicker, Flex, Input, Select, theme } from "antd";
import dayjs from "dayjs";
import { FilterSelect } from "@/components/common/filter-select";
import { accountOptions } from "@/components/emag/labels";
import { orderStatusOptions, orderTypeOptions, paymentModeOptions } from "@/components/orders/labels";
import { countOrderFilters } from "@/components/orders/use-orders-url-state";
import type { AccountKind } from "@/lib/ui/queries/emag-accounts";
import type { OrderStatus, OrderType, OrdersListParams } from "@/lib/ui/queries/orders";

interface OrdersToolbarProps {
  params: OrdersListParams;
  onChange: (patch: Partial<OrdersListParams>) => void;
  onClear: () => void;
}

const DAY = "YYYY-MM-DD";

export function OrdersToolbar({ params, onChange, onClear }: OrdersToolbarProps) {
  const { token } = theme.useToken();
  const grow = (basis: number, max: number) => ({ flex: `1 1 ${basis}px`, maxWidth: max });

  return (
    <Flex wrap gap={token.marginSM} style={{ marginBottom: token.marginMD }} data-testid="orders-toolbar">
      <Input.Search
        // Re-mounted when the URL changes from elsewhere ("Clear filters"), since it keeps its own text.
        key={`search-${params.search ?? ""}`}
        defaultValue={params.search}
        placeholder="Order id, customer, phone or email"
        allowClear
        enterButton
        onSearch={(value) => onChange({ search: value.trim() || undefined })}
        style={grow(260, 420)}
        aria-label="Search orders"
        data-testid="orders-search"
      />
      <Select<OrderStatus[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder="Any status"
        value={params.status ?? []}
        options={orderStatusOptions}
        onChange={(status) => onChange({ status: status.length ? [...status].sort() : undefined })}
        style={grow(180, 280)}
        aria-label="Filter by status"
        data-testid="orders-status-filter"
      />
      <FilterSelect<AccountKind> label="account" placeholder="All accounts" value={params.account} options={accountOptions}
        onChange={(account) => onChange({ account })} style={grow(120, 150)} testId="orders-account-filter" />
      <FilterSelect<OrderType> label="type" placeholder="Any type" value={params.type} options={orderTypeOptions}
        onChange={(type) => onChange({ type })} style={grow(110, 140)} testId="orders-type-filter" />
      <FilterSelect<number> label="payment" placeholder="Any payment" value={params.payment_mode_id} options={paymentModeOptions}
        onChange={(payment_mode_id) => onChange({ payment_mode_id })} style={grow(150, 190)} testId="orders-payment-filter" />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={[params.date_from ? dayjs(params.date_from) : null, params.date_to ? dayjs(params.date_to) : null]}
        onChange={(range) => onChange({ date_from: range?.[0]?.format(DAY), date_to: range?.[1]?.format(DAY) })}
        placeholder={["Created from", "to"]}
        style={grow(240, 280)}
        aria-label="Filter by creation date"
        data-testid="orders-date-filter"
      />
      {countOrderFilters(params) > 0 && (
        <Button type="link" onClick={onClear} data-testid="orders-clear-filters">
          Clear filters
        </Button>
      )}
    </Flex>
  );
}
