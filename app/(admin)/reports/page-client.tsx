"use client";
// Reports: the latest daily and weekly figures (or a chosen period, kept in the URL), their XLSX
// downloads, and for admins the recipients of the scheduled report mails.
import { Col, Row, theme } from "antd";
import { PageContainer } from "@/components/layout/page-container";
import { ReportCard } from "@/components/reports/report-card";
import { SubscriptionsCard } from "@/components/reports/subscriptions-card";
import { readPositiveInt, toSearch, type ReadableParams } from "@/lib/ui/url-params";
import { useUrlState } from "@/lib/ui/use-url-state";

type Params = { page: number; pageSize: number; daily?: string; weekly?: string };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (sp: ReadableParams, key: string) => {
  const v = sp.get(key);
  return v && DAY.test(v) ? v : undefined;
};
const parse = (sp: ReadableParams): Params => ({ page: readPositiveInt(sp, "page", 1), pageSize: readPositiveInt(sp, "pageSize", 10, 50), daily: day(sp, "daily"), weekly: day(sp, "weekly") });
const serialize = (p: Params) => toSearch(p, { page: 1, pageSize: 10 });

export function ReportsPageClient({ canManage }: { canManage: boolean }) {
  const { token } = theme.useToken();
  const { params, setParams } = useUrlState(parse, serialize);
  return (
    <PageContainer title="Reports" subtitle="Daily and weekly figures in Europe/Bucharest time, against the period before">
      <Row gutter={[token.marginMD, token.marginMD]} data-testid="reports-page">
        <Col xs={24} xl={12}>
          <ReportCard kind="daily" period={params.daily} onPeriodChange={(daily) => setParams({ daily })} />
        </Col>
        <Col xs={24} xl={12}>
          <ReportCard kind="weekly" period={params.weekly} onPeriodChange={(weekly) => setParams({ weekly })} />
        </Col>
        {canManage && (
          <Col span={24}>
            <SubscriptionsCard page={params.page} pageSize={params.pageSize} onPageChange={(p) => setParams(p)} />
          </Col>
        )}
      </Row>
    </PageContainer>
  );
}
