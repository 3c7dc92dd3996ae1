"use client";
// Admins see every health check; other roles see the system status summary.
import { DetailedHealthPanel } from "@/components/dashboard/detailed-health-panel";
import { SystemSummaryPanel } from "@/components/dashboard/system-summary-panel";

export function HealthSection({ detailed }: { detailed: boolean }) {
  return <section data-testid="dashboard-health">{detailed ? <DetailedHealthPanel /> : <SystemSummaryPanel />}</section>;
}
