"use client";
// A change against the previous period: an arrow and the percentage, green when it is good news
// (up, or down for "bad" figures such as cancellations), red otherwise, grey when flat or unknown.
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from "@ant-design/icons";
import { Tooltip, Typography, theme } from "antd";

interface KpiDeltaProps {
  /** Relative change (0.12 = +12 %) or, with `points`, a difference of two rates (0.012 = +1.2 pp). */
  value: number | null;
  points?: boolean;
  /** A rise is bad news (cancellation and return rates). */
  inverse?: boolean;
  /** What it is compared with, for the tooltip. */
  versus: string;
  testId?: string;
}

export function KpiDelta({ value, points = false, inverse = false, versus, testId }: KpiDeltaProps) {
  const { token } = theme.useToken();
  if (value === null || !Number.isFinite(value)) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }} data-testid={testId} data-direction="none">
        no comparison
      </Typography.Text>
    );
  }
  const shown = Math.abs(value * 100);
  const flat = shown < 0.05;
  const up = value > 0;
  const good = inverse ? !up : up;
  const color = flat ? token.colorTextSecondary : good ? token.colorSuccess : token.colorError;
  const Icon = flat ? MinusOutlined : up ? ArrowUpOutlined : ArrowDownOutlined;
  const text = `${flat ? "" : up ? "+" : "−"}${shown.toFixed(shown < 10 ? 1 : 0)}${points ? " pp" : "%"}`;
  return (
    <Tooltip title={`${points ? "Difference" : "Change"} against ${versus}`}>
      <span style={{ color, fontSize: token.fontSizeSM, whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }} data-testid={testId} data-direction={flat ? "flat" : up ? "up" : "down"}>
        <Icon aria-hidden /> {text}
      </span>
    </Tooltip>
  );
}
