"use client";
// A sync's status as a coloured tag (running spins).
import { SyncOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import { syncStatusLooks } from "@/components/sync/sync-labels";
import type { SyncStatus } from "@/lib/ui/queries/emag-sync";

export function SyncStatusTag({ status }: { status: SyncStatus | string }) {
  const look = syncStatusLooks[status as SyncStatus] ?? { color: "default", label: status };
  return (
    <Tag color={look.color} icon={status === "running" ? <SyncOutlined spin /> : undefined} data-status={status}>
      {look.label}
    </Tag>
  );
}
