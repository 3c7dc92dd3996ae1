"use client";
// Health status as a coloured tag: healthy / degraded / down (anything else is "unknown").
import { CheckCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined, QuestionCircleOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import type { ReactNode } from "react";

const looks: Record<string, { color: string; label: string; icon: ReactNode }> = {
  healthy: { color: "success", label: "Healthy", icon: <CheckCircleOutlined /> },
  degraded: { color: "warning", label: "Degraded", icon: <ExclamationCircleOutlined /> },
  down: { color: "error", label: "Down", icon: <CloseCircleOutlined /> },
};
const unknown = { color: "default", label: "Unknown", icon: <QuestionCircleOutlined /> };

export function StatusTag({ status, label }: { status: string | null | undefined; label?: string }) {
  const look = (status && looks[status]) || unknown;
  return (
    <Tag color={look.color} icon={look.icon} variant="filled" data-status={status ?? "unknown"}>
      {label ?? look.label}
    </Tag>
  );
}
