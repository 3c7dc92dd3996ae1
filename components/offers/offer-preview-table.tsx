"use client";
// The old → new table of a bulk change or an import (server-paged), with eMAG rule violations
// highlighted, the summary counts and the "only invalid" toggle.
import type { HTMLAttributes } from "react";
import { Alert, Flex, Grid, Segmented, Table, Tag, Typography, theme, type TableProps } from "antd";
import { accountLabels } from "@/components/emag/labels";
import { fieldLabel } from "@/components/offers/labels";
import { OldNew } from "@/components/offers/field-changes";
import type { PlanSummary, PreviewOnly, PreviewPage, PreviewParams, PreviewRow } from "@/lib/ui/queries/offers";
import { formatCount, formatMoney } from "@/lib/ui/format";

export function PreviewSummary({ summary }: { summary: PlanSummary }) {
  const { token } = theme.useToken();
  return (
    <Flex wrap gap={token.marginXS} data-testid="offer-preview-summary" data-invalid={summary.invalid} data-changed={summary.changed}>
      <Tag>{formatCount(summary.total)} offers</Tag>
      <Tag color="blue">{formatCount(summary.changed)} will change</Tag>
      <Tag>{formatCount(summary.unchanged)} unchanged</Tag>
      <Tag color={summary.invalid ? "red" : "default"}>{formatCount(summary.invalid)} break eMAG rules</Tag>
    </Flex>
  );
}

interface OfferPreviewTableProps {
  page: PreviewPage | undefined;
  loading: boolean;
  params: PreviewParams;
  onParamsChange: (p: PreviewParams) => void;
  /** The first column's title: "#" for a selection, "Row" for a file. */
  seqTitle?: string;
}

export function OfferPreviewTable({ page, loading, params, onParamsChange, seqTitle = "#" }: OfferPreviewTableProps) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  const offer = (r: PreviewRow) => (
    <div style={{ maxWidth: isMobile ? 300 : 260 }}>
      <Typography.Text ellipsis={{ tooltip: r.name }} style={{ display: "block" }}>{r.name ?? r.part_number ?? r.emag_offer_id ?? "—"}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
        {[isMobile ? `${seqTitle === "#" ? "#" : "Row "}${r.seq}` : null, r.account ? (accountLabels[r.account] ?? r.account) : null, r.part_number].filter(Boolean).join(" · ")}
      </Typography.Text>
    </div>
  );
  const change = (r: PreviewRow) => {
    const keys = Object.keys({ ...r.changes, ...Object.fromEntries(r.violations.map((v) => [v.field, true])) }).filter((k) => k in (r.after ?? {}));
    if (!keys.length) return <Typography.Text type="secondary">No change</Typography.Text>;
    return (
      <Flex vertical gap={2}>
        {keys.map((k) => (
          <span key={k} style={{ whiteSpace: "nowrap" }}>
            <Typography.Text type="secondary">{fieldLabel(k)}: </Typography.Text>
            <OldNew field={k} before={r.before?.[k as keyof PreviewRow["changes"]]} after={r.after?.[k as keyof PreviewRow["changes"]]} strong />
          </span>
        ))}
        {r.sale_price_with_vat && "sale_price" in r.changes && (
          <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
            incl. VAT {formatMoney(r.sale_price_with_vat.before)} → {formatMoney(r.sale_price_with_vat.after)}
          </Typography.Text>
        )}
      </Flex>
    );
  };
  const rules = (r: PreviewRow) =>
    r.violations.length ? (
      <Flex vertical gap={2} style={{ maxWidth: isMobile ? 300 : 280 }} data-testid="offer-preview-violation">
        {r.violations.map((v, i) => (
          <Typography.Text key={i} type="danger" style={{ fontSize: token.fontSizeSM, whiteSpace: "normal" }}>
            {fieldLabel(v.field)}: {v.message}
          </Typography.Text>
        ))}
      </Flex>
    ) : Object.keys(r.changes).length ? (
      <Tag color="green">OK</Tag>
    ) : (
      <Tag>Unchanged</Tag>
    );

  // Phones: one stacked column (offer, old → new, verdict) instead of four side by side.
  const columns: TableProps<PreviewRow>["columns"] = isMobile
    ? [{ title: "Offer · change", key: "all", render: (_: unknown, r) => <Flex vertical gap={token.marginXXS}>{offer(r)}{change(r)}{rules(r)}</Flex> }]
    : [
        { title: seqTitle, dataIndex: "seq", width: 56 },
        { title: "Offer", key: "offer", render: (_: unknown, r) => offer(r) },
        { title: "Change", key: "change", render: (_: unknown, r) => change(r) },
        { title: "eMAG rules", key: "violations", render: (_: unknown, r) => rules(r) },
      ];

  return (
    <Flex vertical gap={token.marginSM}>
      <Flex wrap gap={token.marginSM} align="center" justify="space-between">
        {page ? <PreviewSummary summary={page.summary} /> : <span />}
        <Segmented<PreviewOnly>
          size="small"
          value={params.only}
          onChange={(only) => onParamsChange({ ...params, only, page: 1 })}
          options={[{ value: "all", label: "All" }, { value: "changed", label: "Changing" }, { value: "invalid", label: "Only invalid" }]}
          data-testid="offer-preview-only"
        />
      </Flex>
      {page && page.summary.invalid > 0 && params.only !== "invalid" && (
        <Alert type="warning" showIcon title={`${formatCount(page.summary.invalid)} offer(s) would break eMAG's rules`} description="They are highlighted below. Fix the change, or leave them out when you apply." />
      )}
      <Table<PreviewRow>
        rowKey={(r) => `${r.seq}`}
        size="small"
        columns={columns}
        dataSource={page?.data}
        loading={loading}
        scroll={{ x: "max-content" }}
        onRow={(r) => (r.violations.length ? { style: { background: token.colorErrorBg }, "data-invalid": "true" } as HTMLAttributes<HTMLElement> : {})}
        locale={{ emptyText: page ? (params.only === "invalid" ? "No offer breaks eMAG's rules" : "Nothing to show") : <span /> }}
        pagination={{ current: params.page, pageSize: params.pageSize, total: page?.total ?? 0, simple: isMobile, showSizeChanger: false, size: "small" }}
        onChange={(p) => onParamsChange({ ...params, page: p.current ?? 1 })}
        data-testid="offer-preview-table"
      />
    </Flex>
  );
}
