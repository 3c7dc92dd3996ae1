"use client";
// A clearable single-value filter above a server-paged table: clearing it reports undefined (the
// filter leaves the URL). Shared by the users, products, orders and sync-history toolbars.
import type { CSSProperties } from "react";
import { Select } from "antd";

interface FilterSelectProps<T extends string | number> {
  /** What is filtered, for the aria-label "Filter by …". */
  label: string;
  placeholder: string;
  value: T | undefined;
  options: { value: T; label: string }[];
  onChange: (value: T | undefined) => void;
  style?: CSSProperties;
  search?: boolean;
  testId: string;
}

export function FilterSelect<T extends string | number>({ label, placeholder, value, options, onChange, style, search, testId }: FilterSelectProps<T>) {
  return (
    <Select<T>
      allowClear
      showSearch={search ? { optionFilterProp: "label" } : undefined}
      placeholder={placeholder}
      value={value}
      options={options}
      onChange={(v) => onChange(v ?? undefined)}
      style={style}
      aria-label={`Filter by ${label}`}
      data-testid={testId}
    />
  );
}
