"use client";
// Customers: one row per real buyer across both accounts, in a server-paged table (state in the
// URL), with exports, the admin's rebuild, and a detail drawer (?customer=c_…) whose orders open
// in the order drawer (?order_id=…).
import { Card, theme } from "antd";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { CustomerDrawer } from "@/components/customers/customer-drawer";
import { CustomersExportButtons } from "@/components/customers/customers-export-buttons";
import { CustomersNav } from "@/components/customers/customers-nav";
import { CustomersRebuildButton } from "@/components/customers/customers-rebuild-button";
import { CustomersTable } from "@/components/customers/customers-table";
import { CustomersToolbar } from "@/components/customers/customers-toolbar";
import { PageContainer } from "@/components/layout/page-container";
import { OrderDrawer } from "@/components/orders/order-drawer";
import { useSocketEvent } from "@/components/providers/use-socket";
import { countCustomerFilters, customerKeys, customerQueries, listParamsOf, noCustomerFilters, useCustomersUrlState } from "@/lib/ui/queries/customers";

export function CustomersPageClient({ canRebuild, canWriteOrders }: { canRebuild: boolean; canWriteOrders: boolean }) {
  const { token } = theme.useToken();
  const queryClient = useQueryClient();
  const { params: state, setParams } = useCustomersUrlState();
  const params = listParamsOf(state);
  const list = useQuery(customerQueries.list(params));
  const clearFilters = () => setParams(noCustomerFilters, { resetPage: true });
  // A finished sync (orders or returns) has recomputed customers.
  useSocketEvent("sync:completed", () => void queryClient.invalidateQueries({ queryKey: customerKeys.all }));

  return (
    <PageContainer
      subtitle="Every buyer across MAIN and FBE, with tier, RFM segment and risk"
      extra={
        <>
          <CustomersExportButtons params={params} disabled={!list.data?.total} />
          {canRebuild && <CustomersRebuildButton />}
        </>
      }
    >
      <CustomersNav active="list" />
      <Card variant="borderless" styles={{ body: { padding: token.padding } }} data-testid="customers-page">
        <CustomersToolbar params={params} onChange={(patch) => setParams(patch, { resetPage: true })} onClear={clearFilters} />
        {list.isError && !list.data ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : (
          <CustomersTable
            page={list.data}
            loading={list.isPending || list.isPlaceholderData}
            params={params}
            filtered={countCustomerFilters(params) > 0}
            onParamsChange={setParams}
            onClearFilters={clearFilters}
            onOpen={(c) => setParams({ open: c.id })}
          />
        )}
      </Card>
      <CustomerDrawer
        id={state.open}
        summary={list.data?.data.find((c) => c.id === state.open)}
        onClose={() => setParams({ open: undefined, openOrder: undefined })}
        onOpenOrder={(id) => setParams({ openOrder: id })}
      />
      <OrderDrawer id={state.openOrder} summary={undefined} canWrite={canWriteOrders} onClose={() => setParams({ openOrder: undefined })} />
    </PageContainer>
  );
}
