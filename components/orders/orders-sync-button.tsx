"use client";
// "Sync now": asks for an incremental order sync of both accounts (new and changed orders).
import { SyncOutlined } from "@ant-design/icons";
import { Button } from "antd";

export function OrdersSyncButton({ onSync, pending }: { onSync: () => void; pending: boolean }) {
  return (
    <Button icon={<SyncOutlined spin={pending} />} onClick={onSync} disabled={pending} data-testid="orders-sync">
      Sync now
    </Button>
  );
}
