"use client";
// The sections of the product drawer: identifiers, prices, stock, competition, validation, history.
import { Descriptions, Empty, Flex, Table, Tag, Typography, theme, type DescriptionsProps } from "antd";
import { accountLabels } from "@/components/emag/labels";
import { OfferValidationTag, ProductStatusTag, ValidationTag } from "@/components/products/product-tags";
import type { Product } from "@/lib/ui/queries/emag-products";
import { formatCount, formatDateTime, formatMoney, formatRelative } from "@/lib/ui/format";

function Section({ title, items, testId }: { title: string; items: DescriptionsProps["items"]; testId?: string }) {
  return <Descriptions title={title} size="small" bordered column={{ xs: 1, sm: 2 }} items={items} data-testid={testId} />;
}

const when = (iso: string | null) => (iso ? `${formatDateTime(iso)} (${formatRelative(iso)})` : "—");

export function ProductDetails({ product: p }: { product: Product }) {
  const { token } = theme.useToken();
  const money = (v: Product["sale_price"]) => formatMoney(v, p.currency);
  const edits = Object.entries(p.local_edits ?? {});

  return (
    <Flex vertical gap={token.marginLG}>
      <Section
        title="Offer"
        items={[
          { key: "account", label: "Account", children: <Tag>{accountLabels[p.account] ?? p.account}</Tag> },
          { key: "status", label: "Status", children: <ProductStatusTag product={p} /> },
          { key: "sku", label: "SKU (part number)", children: p.part_number ? <Typography.Text copyable>{p.part_number}</Typography.Text> : "—" },
          { key: "pnk", label: "PNK", children: p.part_number_key ? <Typography.Text copyable>{p.part_number_key}</Typography.Text> : "—" },
          { key: "offer", label: "eMAG offer id", children: p.emag_offer_id },
          { key: "brand", label: "Brand", children: p.brand ?? "—" },
          { key: "category", label: "Category id", children: p.category_id ?? "—" },
          { key: "eans", label: "EANs", children: p.eans?.length ? p.eans.map((e) => <Tag key={e}>{e}</Tag>) : "—" },
        ]}
      />
      <Section
        title="Prices (ex VAT)"
        testId="product-prices"
        items={[
          { key: "sale", label: "Sale price", children: <Typography.Text strong>{money(p.sale_price)}</Typography.Text> },
          { key: "rec", label: "Recommended", children: money(p.recommended_price) },
          { key: "min", label: "Minimum", children: money(p.min_sale_price) },
          { key: "max", label: "Maximum", children: money(p.max_sale_price) },
          { key: "vat", label: "VAT id", children: p.vat_id ?? "—" },
          { key: "currency", label: "Currency", children: p.currency ?? "—" },
        ]}
      />
      <Flex vertical gap={token.marginXS}>
        <Section
          title="Stock"
          items={[
            { key: "general", label: "General stock", children: formatCount(p.general_stock) },
            { key: "estimated", label: "Estimated (net of reservations)", children: formatCount(p.estimated_stock) },
          ]}
        />
        <Table
          size="small"
          rowKey={(r) => String(r.warehouse_id)}
          pagination={false}
          dataSource={p.stock ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No stock per warehouse" /> }}
          columns={[
            { title: "Warehouse", dataIndex: "warehouse_id" },
            { title: "Stock", dataIndex: "value", align: "right", render: (v: number | string) => formatCount(v) },
          ]}
          data-testid="product-stock-table"
        />
      </Flex>
      <Section
        title="Competition"
        items={[
          { key: "rank", label: "Buy button", children: p.buy_button_rank === 1 ? <Tag color="green">Winning (rank 1)</Tag> : p.buy_button_rank ? `Rank ${p.buy_button_rank}` : "—" },
          { key: "offers", label: "Sellers on this product", children: p.number_of_offers ?? "—" },
          { key: "best", label: "Best offer price", children: money(p.best_offer_sale_price) },
          { key: "bestRec", label: "Best offer recommended", children: money(p.best_offer_recommended_price) },
        ]}
      />
      <Section
        title="Validation"
        items={[
          { key: "doc", label: "Documentation", children: <ValidationTag value={p.validation_status} /> },
          { key: "offer", label: "Offer price", children: <OfferValidationTag value={p.offer_validation_status} /> },
        ]}
      />
      {edits.length > 0 && (
        <Section
          title="Local edits (kept per the sync's conflict strategy)"
          items={edits.map(([field, edit]) => {
            const e = edit as { value?: unknown; edited_at?: string } | null;
            return { key: field, label: field, children: `${String(e?.value ?? edit)}${e?.edited_at ? ` · ${formatRelative(e.edited_at)}` : ""}` };
          })}
        />
      )}
      <Section
        title="Timeline"
        items={[
          { key: "first", label: "First seen", children: when(p.first_seen_at) },
          { key: "synced", label: "Last synced", children: when(p.last_synced_at) },
          { key: "removed", label: "Removed from eMAG", children: when(p.removed_at) },
        ]}
      />
    </Flex>
  );
}
