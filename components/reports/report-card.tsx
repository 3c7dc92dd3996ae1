"use client";
// One report kind: its latest (or a chosen) period's figures, a period picker and the XLSX download.
import { DownloadOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Button, Card, DatePicker, Empty, Flex, Skeleton, Typography } from "antd";
import dayjs from "dayjs";
import { QueryError } from "@/components/common/query-error";
import { api } from "@/lib/ui/api-client";
import { saveFile } from "@/lib/ui/save-file";
import { KIND_TITLES } from "./labels";
import { reportQueries, reportXlsxPath, type ReportKind } from "./queries";
import { ReportDetails } from "./report-details";
import { ReportFigures } from "./report-figures";

interface ReportCardProps {
  kind: ReportKind;
  period: string | undefined;
  onPeriodChange: (period: string | undefined) => void;
}

export function ReportCard({ kind, period, onPeriodChange }: ReportCardProps) {
  const report = useQuery(reportQueries.report(kind, period));
  const testId = `report-${kind}`;
  const download = useMutation({
    mutationFn: async () => {
      const { blob, filename } = await api.download(reportXlsxPath(kind), { query: { period: report.data?.period.key ?? period } });
      saveFile(blob, filename ?? `magflow-${kind}-report.xlsx`);
    },
  });
  const picker = (
    <DatePicker
      size="small"
      allowClear
      placeholder="Latest"
      value={period ? dayjs(period) : null}
      disabledDate={(d) => d.isAfter(dayjs(), "day")}
      onChange={(d) => onPeriodChange(d ? d.format("YYYY-MM-DD") : undefined)}
      aria-label={`${KIND_TITLES[kind]} period start`}
      style={{ width: 130 }}
    />
  );
  const extra = (
    <Flex gap="small" wrap justify="end">
      {picker}
      <Button size="small" icon={<DownloadOutlined />} loading={download.isPending} disabled={!report.data} onClick={() => download.mutate()} data-testid={`${testId}-download`}>
        XLSX
      </Button>
    </Flex>
  );

  let body;
  if (report.isError && !report.data) {
    body = <QueryError compact error={report.error} title={`Could not load the ${kind} report`} onRetry={() => void report.refetch()} retrying={report.isFetching} />;
  } else if (!report.data) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else {
    const r = report.data;
    const all = r.accounts.find((a) => a.account === "all");
    const empty = !all || (all.current.orders === 0 && all.previous.orders === 0 && r.sync.by_type_status.length === 0);
    body = (
      <Flex vertical gap="small" style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
        <Typography.Text type="secondary" data-testid={`${testId}-period`}>
          {r.period.label} · {r.timezone}
        </Typography.Text>
        {empty ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No orders or syncs in this period or the one before" data-testid={`${testId}-empty`} />
        ) : (
          <>
            <ReportFigures report={r} testId={testId} />
            <ReportDetails report={r} />
          </>
        )}
      </Flex>
    );
  }
  return (
    <Card title={KIND_TITLES[kind]} extra={extra} variant="borderless" data-testid={testId} styles={{ header: { flexWrap: "wrap", gap: 8, paddingBlock: 8 } }}>
      {body}
    </Card>
  );
}
