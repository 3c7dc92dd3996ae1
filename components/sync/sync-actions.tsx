"use client";
// Page actions of the sync page: start a full or incremental sync, clean up stuck ones.
import { useState } from "react";
import { ClearOutlined, CloudDownloadOutlined, SyncOutlined } from "@ant-design/icons";
import { Button, Flex, InputNumber, Popconfirm, Typography } from "antd";
import { useCleanupStuckSyncs } from "@/components/sync/use-sync-mutations";
import type { SyncMode } from "@/lib/ui/queries/emag-sync";

export function SyncActions({ onStart }: { onStart: (mode: SyncMode) => void }) {
  const cleanup = useCleanupStuckSyncs();
  const [minutes, setMinutes] = useState(15);

  return (
    <>
      <Button type="primary" icon={<SyncOutlined />} onClick={() => onStart("incremental")} data-testid="sync-start-incremental">
        Incremental sync
      </Button>
      <Button icon={<CloudDownloadOutlined />} onClick={() => onStart("full")} data-testid="sync-start-full">
        Full sync
      </Button>
      <Popconfirm
        title="Clean up stuck syncs"
        description={
          <Flex vertical gap="small" style={{ maxWidth: 260 }}>
            <Typography.Text>Mark syncs still “running” after this long as failed, so new ones can start:</Typography.Text>
            <InputNumber min={5} max={60} value={minutes} onChange={(v) => setMinutes(v ?? 15)} suffix="min" aria-label="Timeout in minutes" />
          </Flex>
        }
        okText="Clean up"
        onConfirm={() => cleanup.mutate(minutes)}
      >
        <Button icon={<ClearOutlined />} loading={cleanup.isPending} data-testid="sync-cleanup">
          Clean up stuck syncs
        </Button>
      </Popconfirm>
    </>
  );
}
