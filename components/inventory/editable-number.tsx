"use client";
// A number that edits in place: click (or Enter on it) to edit, Enter or blur saves, Escape
// cancels. `nullable`: an empty field saves null (e.g. "use the account's default").
import { EditOutlined } from "@ant-design/icons";
import { Button, InputNumber, Space, Typography } from "antd";
import { useState } from "react";

interface EditableNumberProps {
  value: number | null;
  display?: React.ReactNode;
  label: string;
  min?: number;
  max?: number;
  nullable?: boolean;
  placeholder?: string;
  disabled?: boolean;
  saving?: boolean;
  onSave: (value: number | null) => void;
}

export function EditableNumber({ value, display, label, min = 0, max = 1_000_000, nullable = false, placeholder, disabled, saving, onSave }: EditableNumberProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<number | null>(value);
  const commit = () => {
    setEditing(false);
    if (draft === value || (draft === null && !nullable)) return;
    onSave(draft);
  };
  if (editing)
    return (
      <InputNumber
        autoFocus
        size="small"
        aria-label={label}
        min={min}
        max={max}
        precision={0}
        value={draft}
        placeholder={placeholder}
        onChange={(v) => setDraft(typeof v === "number" ? v : null)}
        onPressEnter={commit}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Escape") setEditing(false);
        }}
        style={{ width: 96 }}
      />
    );
  return (
    <Space size={4} style={{ whiteSpace: "nowrap" }}>
      <Typography.Text style={{ fontVariantNumeric: "tabular-nums" }}>{display ?? value ?? "—"}</Typography.Text>
      {!disabled && (
        <Button
          type="text"
          size="small"
          icon={<EditOutlined />}
          aria-label={`Edit ${label}`}
          loading={saving}
          onClick={() => {
            setDraft(value);
            setEditing(true);
          }}
        />
      )}
    </Space>
  );
}
