"use client";
// Dashboard: sales KPIs (periods, rates, top products), system health, today's orders, low stock,
// realtime link, platform facts and marketplace accounts.
import { Col, Flex, Row, theme } from "antd";
import { useQueryClient } from "@tanstack/react-query";
import { AccountsCard } from "@/components/dashboard/accounts-card";
import { GettingStartedCard } from "@/components/dashboard/getting-started-card";
import { HealthSection } from "@/components/dashboard/health-section";
import { KpiSection } from "@/components/dashboard/kpi-section";
import { OrdersTodayCard } from "@/components/dashboard/orders-today-card";
import { PlatformCard } from "@/components/dashboard/platform-card";
import { RealtimeCard } from "@/components/dashboard/realtime-card";
import { LowStockCard } from "@/components/inventory/low-stock-card";
import { PageContainer } from "@/components/layout/page-container";
import { useSocketEvent } from "@/components/providers/use-socket";
import { systemKeys } from "@/lib/ui/queries/system";

export function DashboardPageClient({ detailedHealth, showOrders, showInventory = false }: { detailedHealth: boolean; showOrders: boolean; showInventory?: boolean }) {
  const { token } = theme.useToken();
  const queryClient = useQueryClient();

  // A scheduled health check just ran: refresh every system widget.
  useSocketEvent("system:health", () => {
    void queryClient.invalidateQueries({ queryKey: systemKeys.all });
  });

  return (
    <PageContainer subtitle="Sales, system health, orders, live updates and marketplace accounts">
      <Flex vertical gap={token.marginMD}>
        <GettingStartedCard />
        <KpiSection />
        <HealthSection detailed={detailedHealth} />
        <Row gutter={[token.marginMD, token.marginMD]}>
          {showOrders && (
            <Col span={24}>
              <OrdersTodayCard />
            </Col>
          )}
          {showInventory && (
            <Col xs={24} lg={12}>
              <LowStockCard />
            </Col>
          )}
          <Col xs={24} lg={12}>
            <RealtimeCard />
          </Col>
          <Col xs={24} lg={12}>
            <PlatformCard detailed={detailedHealth} />
          </Col>
          <Col span={24}>
            <AccountsCard />
          </Col>
        </Row>
      </Flex>
    </PageContainer>
  );
}
