"use client";
// Orders: both accounts' eMAG orders in a server-paged table (state in the URL), kept live over
// the socket, with a detail drawer that acts on the order.
import { Card, theme } from "antd";
import { useQuery } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { PageContainer } from "@/components/layout/page-container";
import { OrderDrawer } from "@/components/orders/order-drawer";
import { OrdersSyncButton } from "@/components/orders/orders-sync-button";
import { OrdersTable } from "@/components/orders/orders-table";
import { OrdersToolbar } from "@/components/orders/orders-toolbar";
import { useOrdersLive } from "@/components/orders/use-orders-live";
import { useSyncOrders } from "@/components/orders/use-order-mutations";
import { countOrderFilters, listParamsOf, noOrderFilters, useOrdersUrlState } from "@/components/orders/use-orders-url-state";
import { orderQueries } from "@/lib/ui/queries/orders";

export function OrdersPageClient({ canWrite }: { canWrite: boolean }) {
  const { token } = theme.useToken();
  const { params: state, setParams } = useOrdersUrlState();
  const params = listParamsOf(state);
  const list = useQuery(orderQueries.list(params));
  const fresh = useOrdersLive();
  const sync = useSyncOrders();
  const startSync = () => sync.mutate({ account_type: "both", mode: "incremental" });
  const clearFilters = () => setParams(noOrderFilters, { resetPage: true });

  return (
    <PageContainer subtitle="Orders of both eMAG accounts, updated live" extra={canWrite ? <OrdersSyncButton onSync={startSync} pending={sync.isPending} /> : undefined}>
      <Card variant="borderless" styles={{ body: { padding: token.padding } }} data-testid="orders-page">
        <OrdersToolbar params={params} onChange={(patch) => setParams(patch, { resetPage: true })} onClear={clearFilters} />
        {list.isError && !list.data ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : (
          <OrdersTable
            page={list.data}
            loading={list.isPending || list.isPlaceholderData}
            params={params}
            filtered={countOrderFilters(params) > 0}
            fresh={fresh}
            onParamsChange={setParams}
            onClearFilters={clearFilters}
            onOpen={(o) => setParams({ open: o.id })}
            onSync={canWrite ? startSync : undefined}
          />
        )}
      </Card>
      <OrderDrawer id={state.open} summary={list.data?.data.find((o) => o.id === state.open)} canWrite={canWrite} onClose={() => setParams({ open: undefined })} />
    </PageContainer>
  );
}
