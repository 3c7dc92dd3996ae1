"use client";
// Alert settings: where alerts go (channels, each with a test button), which rules fire at what
// threshold, and the recent alerts with their counts and delivery verdicts.
import { Card, Col, Row } from "antd";
import { ChannelsCard } from "@/components/alerts/channels-card";
import { HistoryTable } from "@/components/alerts/history-table";
import { RulesCard } from "@/components/alerts/rules-card";
import { PageContainer } from "@/components/layout/page-container";

export function AlertsPageClient() {
  return (
    <PageContainer subtitle="E-mail and webhook alerts for failed syncs, eMAG errors, late orders, large orders and low stock">
      <Row gutter={[16, 16]} data-testid="alerts-page">
        <Col xs={24} xl={12}>
          <ChannelsCard />
        </Col>
        <Col xs={24} xl={12}>
          <RulesCard />
        </Col>
        <Col xs={24}>
          <Card title="Recent alerts">
            <HistoryTable />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
