"use client";
// Search and filters above the products table. Every change lands in the URL (and back on page 1).
import { useState } from "react";
import { FilterOutlined } from "@ant-design/icons";
import { Badge, Button, Flex, Input, theme } from "antd";
import { FilterSelect } from "@/components/common/filter-select";
import { accountOptions, validationStatusOptions } from "@/components/emag/labels";
import { RangeFilter } from "@/components/products/range-filter";
import { countProductFilters } from "@/components/products/use-products-url-state";
import type { AccountKind } from "@/lib/ui/queries/emag-accounts";
import type { ProductStatus, ProductsListParams } from "@/lib/ui/queries/emag-products";

interface ProductsToolbarProps {
  params: ProductsListParams;
  onChange: (patch: Partial<ProductsListParams>) => void;
  onClear: () => void;
}

const statusOptions: { value: ProductStatus; label: string }[] = [
  { value: "active", label: "Active" },
  { value: "inactive", label: "Inactive" },
  { value: "removed", label: "Removed from eMAG" },
];
const MORE = ["brand", "validation_status", "stock_min", "stock_max", "price_min", "price_max"] as const;

export function ProductsToolbar({ params, onChange, onClear }: ProductsToolbarProps) {
  const { token } = theme.useToken();
  const moreCount = countProductFilters(params, MORE);
  const [showMore, setShowMore] = useState(moreCount > 0);
  // Inputs keep their own text; re-mount them when the URL changes from elsewhere ("Clear filters").
  const urlKey = `${params.search ?? ""}|${params.brand ?? ""}|${params.stock_min}|${params.stock_max}|${params.price_min}|${params.price_max}`;

  return (
    <Flex vertical gap={token.marginSM} style={{ marginBottom: token.marginMD }}>
      <Flex wrap gap={token.marginSM}>
        <Input.Search
          key={`search-${urlKey}`}
          defaultValue={params.search}
          placeholder="Name, SKU, PNK or EAN"
          allowClear
          enterButton
          onSearch={(value) => onChange({ search: value.trim() || undefined })}
          style={{ flex: "1 1 240px", maxWidth: 420 }}
          aria-label="Search products"
          data-testid="products-search"
        />
        <FilterSelect<AccountKind> label="account" placeholder="All accounts" value={params.account} options={accountOptions}
          onChange={(account) => onChange({ account })} style={{ flex: "1 1 130px", maxWidth: 160 }} testId="products-account-filter" />
        <FilterSelect<ProductStatus> label="status" placeholder="Any status" value={params.status} options={statusOptions}
          onChange={(status) => onChange({ status })} style={{ flex: "1 1 130px", maxWidth: 190 }} testId="products-status-filter" />
        <Badge count={moreCount} size="small" color={token.colorPrimary}>
          <Button icon={<FilterOutlined />} onClick={() => setShowMore((v) => !v)} aria-expanded={showMore} data-testid="products-more-filters">
            More filters
          </Button>
        </Badge>
        {countProductFilters(params) > 0 && (
          <Button type="link" onClick={onClear} data-testid="products-clear-filters">
            Clear filters
          </Button>
        )}
      </Flex>
      {showMore && (
        <Flex wrap gap={token.marginSM} key={`more-${urlKey}`}>
          <Input
            defaultValue={params.brand}
            placeholder="Brand"
            allowClear
            onBlur={(e) => e.target.value.trim() !== (params.brand ?? "") && onChange({ brand: e.target.value.trim() || undefined })}
            onPressEnter={(e) => onChange({ brand: e.currentTarget.value.trim() || undefined })}
            onClear={() => onChange({ brand: undefined })}
            style={{ width: 180 }}
            aria-label="Filter by brand"
            data-testid="products-brand-filter"
          />
          <FilterSelect<number> label="validation status" placeholder="Any validation status" value={params.validation_status} options={validationStatusOptions}
            onChange={(validation_status) => onChange({ validation_status })} style={{ width: 280, maxWidth: "100%" }} search testId="products-validation-filter" />
          <RangeFilter label="Stock" min={params.stock_min} max={params.stock_max} onChange={({ min, max }) => onChange({ stock_min: min, stock_max: max })} testId="products-stock" />
          <RangeFilter label="Price" min={params.price_min} max={params.price_max} precision={2} onChange={({ min, max }) => onChange({ price_min: min, price_max: max })} testId="products-price" />
        </Flex>
      )}
    </Flex>
  );
}
