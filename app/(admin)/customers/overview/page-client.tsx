"use client";
// Customers overview: distributions, channels, new vs returning, cohort retention, top spenders.
import { useQueryClient } from "@tanstack/react-query";
import { CustomersNav } from "@/components/customers/customers-nav";
import { CustomersOverview } from "@/components/customers/customers-overview";
import { PageContainer } from "@/components/layout/page-container";
import { useSocketEvent } from "@/components/providers/use-socket";
import { customerKeys } from "@/lib/ui/queries/customers";

export function CustomersOverviewPageClient() {
  const queryClient = useQueryClient();
  useSocketEvent("sync:completed", () => void queryClient.invalidateQueries({ queryKey: customerKeys.summary() }));
  return (
    <PageContainer subtitle="Who the customers are, how they came and whether they come back">
      <CustomersNav active="overview" />
      <CustomersOverview />
    </PageContainer>
  );
}
