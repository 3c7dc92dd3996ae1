"use client";
// Search and filters above the customers table. Every change lands in the URL (and back on page 1);
// the less used filters sit behind "More filters", and on phones the controls wrap into rows.
import { useState, type CSSProperties } from "react";
import { FilterOutlined } from "@ant-design/icons";
import { Badge, Button, DatePicker, Flex, Input, Select, theme } from "antd";
import dayjs from "dayjs";
import { FilterSelect } from "@/components/common/filter-select";
import { kindOptions, riskOptions, segmentOptions, tierOptions } from "@/components/customers/labels";
import { accountOptions } from "@/components/emag/labels";
import { RangeFilter } from "@/components/products/range-filter";
import { countCustomerFilters, type CustomerFilterKey, type CustomersListParams } from "@/lib/ui/queries/customers";
import type { AccountKind } from "@/lib/ui/queries/emag-accounts";

interface CustomersToolbarProps {
  params: CustomersListParams;
  onChange: (patch: Partial<CustomersListParams>) => void;
  onClear: () => void;
}

const DAY = "YYYY-MM-DD";
const MORE: readonly CustomerFilterKey[] = ["city", "first_order_from", "first_order_to", "last_order_from", "last_order_to", "min_spend", "max_spend"];
const grow = (basis: number, max: number): CSSProperties => ({ flex: `1 1 ${basis}px`, maxWidth: max });

function MultiSelect<T extends string>(props: { label: string; placeholder: string; value: T[] | undefined; options: { value: T; label: string }[]; onChange: (v: T[] | undefined) => void; style: CSSProperties; testId: string }) {
  return (
    <Select<T[]>
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={props.placeholder}
      value={props.value ?? []}
      options={props.options}
      // Kept in the options' order, so the URL (and the query key) does not depend on click order.
      onChange={(v) => props.onChange(v.length ? props.options.map((o) => o.value).filter((o) => v.includes(o)) : undefined)}
      style={props.style}
      aria-label={`Filter by ${props.label}`}
      data-testid={props.testId}
    />
  );
}

function DayRange({ label, from, to, onChange, testId }: { label: string; from?: string; to?: string; onChange: (from?: string, to?: string) => void; testId: string }) {
  return (
    <DatePicker.RangePicker
      allowEmpty={[true, true]}
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      onChange={(range) => onChange(range?.[0]?.format(DAY), range?.[1]?.format(DAY))}
      placeholder={[`${label} from`, "to"]}
      style={grow(240, 300)}
      aria-label={`Filter by ${label.toLowerCase()}`}
      data-testid={testId}
    />
  );
}

export function CustomersToolbar({ params, onChange, onClear }: CustomersToolbarProps) {
  const { token } = theme.useToken();
  const moreCount = countCustomerFilters(params, MORE);
  const [showMore, setShowMore] = useState(moreCount > 0);
  // Inputs keep their own text; re-mount them when the URL changes from elsewhere ("Clear filters").
  const urlKey = `${params.search ?? ""}|${params.city ?? ""}|${params.min_spend}|${params.max_spend}`;

  return (
    <Flex vertical gap={token.marginSM} style={{ marginBottom: token.marginMD }} data-testid="customers-toolbar">
      <Flex wrap gap={token.marginSM}>
        <Input.Search
          key={`search-${urlKey}`}
          defaultValue={params.search}
          placeholder="Name, phone, company or CUI"
          allowClear
          enterButton
          onSearch={(value) => onChange({ search: value.trim() || undefined })}
          style={grow(280, 400)}
          aria-label="Search customers"
          data-testid="customers-search"
        />
        <MultiSelect label="tier" placeholder="Any tier" value={params.tier} options={tierOptions} onChange={(tier) => onChange({ tier })} style={grow(140, 220)} testId="customers-tier-filter" />
        <MultiSelect label="segment" placeholder="Any segment" value={params.segment} options={segmentOptions} onChange={(segment) => onChange({ segment })} style={grow(170, 260)} testId="customers-segment-filter" />
        <MultiSelect label="risk" placeholder="Any risk" value={params.risk} options={riskOptions} onChange={(risk) => onChange({ risk })} style={grow(130, 200)} testId="customers-risk-filter" />
        <FilterSelect<AccountKind> label="account" placeholder="Any account" value={params.account} options={accountOptions}
          onChange={(account) => onChange({ account })} style={grow(120, 150)} testId="customers-account-filter" />
        <FilterSelect label="kind" placeholder="People and companies" value={params.kind} options={kindOptions}
          onChange={(kind) => onChange({ kind })} style={grow(150, 200)} testId="customers-kind-filter" />
        <Badge count={moreCount} size="small" color={token.colorPrimary}>
          <Button icon={<FilterOutlined />} onClick={() => setShowMore((v) => !v)} aria-expanded={showMore} data-testid="customers-more-filters">
            More filters
          </Button>
        </Badge>
        {countCustomerFilters(params) > 0 && (
          <Button type="link" onClick={onClear} data-testid="customers-clear-filters">
            Clear filters
          </Button>
        )}
      </Flex>
      {showMore && (
        <Flex wrap gap={token.marginSM} key={`more-${urlKey}`}>
          <Input
            defaultValue={params.city}
            placeholder="City"
            allowClear
            onBlur={(e) => e.target.value.trim() !== (params.city ?? "") && onChange({ city: e.target.value.trim() || undefined })}
            onPressEnter={(e) => onChange({ city: e.currentTarget.value.trim() || undefined })}
            onClear={() => onChange({ city: undefined })}
            style={grow(140, 200)}
            aria-label="Filter by city"
            data-testid="customers-city-filter"
          />
          <DayRange label="First order" from={params.first_order_from} to={params.first_order_to}
            onChange={(first_order_from, first_order_to) => onChange({ first_order_from, first_order_to })} testId="customers-first-order-filter" />
          <DayRange label="Last order" from={params.last_order_from} to={params.last_order_to}
            onChange={(last_order_from, last_order_to) => onChange({ last_order_from, last_order_to })} testId="customers-last-order-filter" />
          <RangeFilter label="Net spend" min={params.min_spend} max={params.max_spend} precision={2}
            onChange={({ min, max }) => onChange({ min_spend: min, max_spend: max })} testId="customers-spend" />
        </Flex>
      )}
    </Flex>
  );
}
