"use client";
// Options for a new sync, then POST /sync. A 409 (a sync already running) is explained here,
// with a way to the running sync, instead of a generic notification.
import { Alert, Button, Drawer, Flex, Form, Grid, theme } from "antd";
import { SyncOptionsForm, defaultSyncOptions, type SyncOptionsValues } from "@/components/sync/sync-options-form";
import { useStartSync } from "@/components/sync/use-sync-mutations";
import { isApiClientError } from "@/lib/ui/api-client";
import { describeError } from "@/lib/ui/error-message";
import type { SyncMode } from "@/lib/ui/queries/emag-sync";

interface SyncOptionsDrawerProps {
  /** The mode the drawer opens with; null keeps it closed. */
  mode: SyncMode | null;
  onClose: () => void;
  onShowRunning: () => void;
}

function runningSyncOf(error: unknown): { id?: string } | null {
  if (!isApiClientError(error) || error.status !== 409) return null;
  const d = (error.details ?? {}) as { running_sync_id?: unknown };
  return { id: typeof d.running_sync_id === "string" ? d.running_sync_id : undefined };
}

export function SyncOptionsDrawer({ mode, onClose, onShowRunning }: SyncOptionsDrawerProps) {
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<SyncOptionsValues>();
  const start = useStartSync();
  const running = runningSyncOf(start.error);

  const close = () => {
    start.reset();
    onClose();
  };
  const submit = ({ max_pages, timeout_seconds, ...rest }: SyncOptionsValues) => {
    start.mutate(
      { ...rest, max_pages: max_pages ?? undefined, timeout_seconds: timeout_seconds ?? undefined, run_async: true },
      { onSuccess: close },
    );
  };

  return (
    <Drawer
      open={mode !== null}
      onClose={close}
      size={screens.md === false ? "100%" : 520}
      destroyOnHidden
      title={mode === "full" ? "Start a full sync" : "Start an incremental sync"}
      data-testid="sync-options-drawer"
      footer={
        <Flex justify="end" gap="small">
          <Button onClick={close}>Cancel</Button>
          <Button type="primary" loading={start.isPending} onClick={() => form.submit()} data-testid="sync-options-submit">
            Start sync
          </Button>
        </Flex>
      }
    >
      {start.isError && (
        <Alert
          type={running ? "warning" : "error"}
          showIcon
          style={{ marginBottom: token.marginMD }}
          title={running ? "A sync is already running" : describeError(start.error).title}
          description={
            running
              ? `${describeError(start.error).description.replace(/\.$/, "")}${running.id ? ` (sync ${running.id.slice(0, 8)})` : ""}. Follow it on its account card, or cancel it there.`
              : describeError(start.error).description
          }
          action={
            running ? (
              <Button
                size="small"
                onClick={() => {
                  close();
                  onShowRunning();
                }}
              >
                Show it
              </Button>
            ) : undefined
          }
          data-testid="sync-start-error"
        />
      )}
      {mode && <SyncOptionsForm form={form} initialValues={{ ...defaultSyncOptions, mode }} onFinish={submit} />}
    </Drawer>
  );
}
