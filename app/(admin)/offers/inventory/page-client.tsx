"use client";
// Inventory (MAIN): settings, the items table (inline edit of available and buffer) and the drift
// tab (eMAG's stock against what MagFlow would send, with "Fix selected" / "Fix all").
import { Card, Flex, Tabs, theme } from "antd";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { InventoryDriftTable } from "@/components/inventory/inventory-drift-table";
import { InventoryItemsTable } from "@/components/inventory/inventory-items-table";
import { InventorySettingsCard } from "@/components/inventory/inventory-settings-card";
import { PageContainer } from "@/components/layout/page-container";
import { useSocketEvent } from "@/components/providers/use-socket";
import { inventoryKeys, inventoryQueries, itemsParamsOf, useInventoryUrlState, type InventoryTab } from "@/lib/ui/queries/inventory";

export function InventoryPageClient({ canWrite }: { canWrite: boolean }) {
  const { token } = theme.useToken();
  const queryClient = useQueryClient();
  const { params: state, setParams } = useInventoryUrlState();
  const settings = useQuery(inventoryQueries.settings());
  const enabled = settings.data?.enabled ?? false;
  // A finished push (an offer job) or sync moves the numbers.
  useSocketEvent("offer-job:completed", () => void queryClient.invalidateQueries({ queryKey: inventoryKeys.all }));
  useSocketEvent("sync:completed", () => void queryClient.invalidateQueries({ queryKey: inventoryKeys.all }));

  return (
    <PageContainer title="Inventory" subtitle="MAIN stock kept by MagFlow: orders reserve it, eMAG gets available − buffer">
      <Flex vertical gap={token.marginMD}>
        <InventorySettingsCard canWrite={canWrite} />
        <Card variant="borderless" styles={{ body: { padding: token.padding } }} data-testid="inventory-page">
          <Tabs
            activeKey={state.tab}
            onChange={(tab) => setParams({ tab: tab as InventoryTab })}
            items={[
              {
                key: "items",
                label: "Items",
                children: <InventoryItemsTable params={itemsParamsOf(state)} enabled={enabled} canWrite={canWrite} onParamsChange={(patch, resetPage) => setParams(patch, { resetPage })} />,
              },
              {
                key: "drift",
                label: "Drift",
                children: <InventoryDriftTable page={state.driftPage} enabled={enabled} canWrite={canWrite} onPageChange={(driftPage) => setParams({ driftPage })} />,
              },
            ]}
          />
        </Card>
      </Flex>
    </PageContainer>
  );
}
