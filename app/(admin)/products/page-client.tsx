"use client";
// Products: the synced eMAG offers in a server-paged table (state in the URL), a detail drawer
// and a CSV export of the current view.
import { useState } from "react";
import { Card, theme } from "antd";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { PageContainer } from "@/components/layout/page-container";
import { useSocketEvent } from "@/components/providers/use-socket";
import { ProductDrawer } from "@/components/products/product-drawer";
import { ProductsExportButton } from "@/components/products/products-export-button";
import { ProductsTable } from "@/components/products/products-table";
import { ProductsToolbar } from "@/components/products/products-toolbar";
import { countProductFilters, noProductFilters, useProductsUrlState } from "@/components/products/use-products-url-state";
import { productKeys, productQueries, type Product } from "@/lib/ui/queries/emag-products";

export function ProductsPageClient() {
  const { token } = theme.useToken();
  const { params, setParams } = useProductsUrlState();
  const list = useQuery(productQueries.list(params));
  const [selected, setSelected] = useState<Product | null>(null);
  const clearFilters = () => setParams(noProductFilters, { resetPage: true });
  const queryClient = useQueryClient();

  // A sync finished somewhere (this tab, another user, the scheduler): the stored products changed.
  useSocketEvent("sync:completed", () => void queryClient.invalidateQueries({ queryKey: productKeys.all }));

  return (
    <PageContainer subtitle="Offers synced from both eMAG accounts" extra={<ProductsExportButton params={params} disabled={list.data?.total === 0} />}>
      <Card variant="borderless" styles={{ body: { padding: token.padding } }}>
        <ProductsToolbar params={params} onChange={(patch) => setParams(patch, { resetPage: true })} onClear={clearFilters} />
        {list.isError && !list.data ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : (
          <ProductsTable
            page={list.data}
            loading={list.isPending || list.isPlaceholderData}
            params={params}
            filtered={countProductFilters(params) > 0}
            onParamsChange={setParams}
            onClearFilters={clearFilters}
            onOpen={setSelected}
          />
        )}
      </Card>
      <ProductDrawer product={selected} onClose={() => setSelected(null)} />
    </PageContainer>
  );
}
