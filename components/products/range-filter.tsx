"use client";
// A min–max pair of numbers, applied when a box loses focus or on Enter (not on every keystroke).
import { useState } from "react";
import { InputNumber, Space, Typography } from "antd";

interface RangeFilterProps {
  label: string;
  min: number | undefined;
  max: number | undefined;
  precision?: number;
  onChange: (range: { min: number | undefined; max: number | undefined }) => void;
  testId: string;
}

export function RangeFilter({ label, min, max, precision = 0, onChange, testId }: RangeFilterProps) {
  const [draft, setDraft] = useState({ min, max });
  const apply = () => {
    if (draft.min !== min || draft.max !== max) onChange(draft);
  };
  const box = (which: "min" | "max") => (
    <InputNumber<number>
      min={0}
      precision={precision}
      placeholder={which === "min" ? "Min" : "Max"}
      value={draft[which] ?? null}
      onChange={(v) => setDraft((d) => ({ ...d, [which]: v ?? undefined }))}
      onBlur={apply}
      onPressEnter={apply}
      style={{ width: 96 }}
      aria-label={`${label} ${which === "min" ? "from" : "to"}`}
      data-testid={`${testId}-${which}`}
    />
  );
  return (
    <Space.Compact>
      <Space.Addon>
        <Typography.Text type="secondary">{label}</Typography.Text>
      </Space.Addon>
      {box("min")}
      {box("max")}
    </Space.Compact>
  );
}
