"use client";
// "Field: old → new" for every changed field of an offer (prices ex VAT, status by name).
import { ArrowRightOutlined } from "@ant-design/icons";
import { Flex, Typography, theme } from "antd";
import { fieldLabel, offerStatusLabels } from "@/components/offers/labels";
import type { OfferValues } from "@/lib/ui/queries/offers";
import { formatCount, formatMoney } from "@/lib/ui/format";

const isPrice = (f: string) => f.endsWith("price");

export function formatOfferValue(field: string, v: number | null | undefined): string {
  if (v === null || v === undefined) return "—";
  if (field === "status") return offerStatusLabels[v] ?? String(v);
  if (field === "handling_time") return `${v} d`;
  return isPrice(field) ? formatMoney(v) : formatCount(v);
}

export function OldNew({ field, before, after, strong }: { field: string; before: number | null | undefined; after: number | null | undefined; strong?: boolean }) {
  const { token } = theme.useToken();
  const same = before === after;
  return (
    <span style={{ whiteSpace: "nowrap" }} data-testid="old-new">
      <Typography.Text type="secondary" delete={!same}>{formatOfferValue(field, before)}</Typography.Text>
      {!same && (
        <>
          <ArrowRightOutlined style={{ margin: `0 ${token.marginXXS}px`, fontSize: token.fontSizeSM, color: token.colorTextTertiary }} />
          <Typography.Text strong={strong}>{formatOfferValue(field, after)}</Typography.Text>
        </>
      )}
    </span>
  );
}

export function FieldChanges({ changes, before }: { changes: OfferValues; before: OfferValues | null | undefined }) {
  const { token } = theme.useToken();
  const keys = Object.keys(changes ?? {}) as (keyof OfferValues)[];
  if (!keys.length) return <Typography.Text type="secondary">No change</Typography.Text>;
  return (
    <Flex vertical gap={token.marginXXS}>
      {keys.map((k) => (
        <span key={k}>
          <Typography.Text type="secondary">{fieldLabel(k)}: </Typography.Text>
          <OldNew field={k} before={before?.[k]} after={changes[k]} strong />
        </span>
      ))}
    </Flex>
  );
}
