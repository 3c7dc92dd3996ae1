"use client";
// The expanded row of the sync history: every counter, request figures, options and errors.
import { Alert, Descriptions, Flex, Typography, theme } from "antd";
import { accountLabels } from "@/components/emag/labels";
import { counterLabels } from "@/components/sync/sync-labels";
import type { AccountKind } from "@/lib/ui/queries/emag-accounts";
import type { SyncLog } from "@/lib/ui/queries/emag-sync";
import { formatCount, formatDateTime, formatDurationMs } from "@/lib/ui/format";

export function SyncLogDetails({ log }: { log: SyncLog }) {
  const { token } = theme.useToken();
  const counters = Object.entries(counterLabels).map(([key, label]) => ({
    key,
    label,
    children: formatCount(log.counters[key as keyof typeof counterLabels]),
  }));
  const options = Object.entries(log.options ?? {}).filter(([, v]) => v !== undefined && v !== null);

  return (
    // width 0 + min-width 100%: the details take the row's width without widening the table
    // (in a horizontally scrolling table they would otherwise stretch the first column).
    <Flex vertical gap={token.marginSM} data-testid="sync-log-details" style={{ width: 0, minWidth: "100%" }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 5 }}
        items={[
          ...counters,
          { key: "pages", label: "Pages read", children: formatCount(log.pages) },
          { key: "requests", label: "API requests", children: formatCount(log.api_requests) },
          { key: "waits", label: "Rate-limit waits", children: formatCount(log.rate_limit_waits) },
          { key: "started", label: "Started", children: formatDateTime(log.started_at) },
          { key: "duration", label: "Duration", children: formatDurationMs(log.duration_ms) },
          { key: "id", label: "Sync id", children: <Typography.Text copyable={{ text: log.id }}>{log.id.slice(0, 8)}</Typography.Text> },
        ]}
      />
      {options.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
          Options: {options.map(([k, v]) => `${k}=${String(v)}`).join(" · ")}
        </Typography.Text>
      )}
      {log.errors.length > 0 ? (
        <Flex vertical gap={token.marginXS}>
          {log.errors.map((e, i) => (
            <Alert
              key={`${e.account}-${i}`}
              type={log.status === "cancelled" ? "warning" : "error"}
              showIcon
              title={`${accountLabels[e.account as AccountKind] ?? "All accounts"}${e.page !== undefined && e.page !== null ? ` · page ${e.page}` : ""}`}
              description={e.message}
            />
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary">No errors.</Typography.Text>
      )}
    </Flex>
  );
}
