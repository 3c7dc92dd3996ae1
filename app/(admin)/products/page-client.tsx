"use client";
// Products: the synced eMAG offers in a server-paged table (state in the URL), a detail drawer
// (offer editing and change history), bulk changes of selected or filtered offers, price-list
// import/export and a CSV export of the current view.
import { useState } from "react";
import { Card, theme } from "antd";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { PageContainer } from "@/components/layout/page-container";
import { BulkChangeDrawer } from "@/components/offers/bulk-change-drawer";
import { BulkSelectionBar } from "@/components/offers/bulk-selection-bar";
import { PriceListExport } from "@/components/offers/price-list-export";
import { PriceListImport } from "@/components/offers/price-list-import";
import { useOfferJobsLive } from "@/components/offers/use-offer-job-live";
import { useSocketEvent } from "@/components/providers/use-socket";
import { ProductDrawer } from "@/components/products/product-drawer";
import { ProductsExportButton } from "@/components/products/products-export-button";
import { ProductsTable } from "@/components/products/products-table";
import { ProductsToolbar } from "@/components/products/products-toolbar";
import { countProductFilters, noProductFilters, useProductsUrlState } from "@/components/products/use-products-url-state";
import { productKeys, productQueries, type Product, type ProductFilters, type ProductsListParams } from "@/lib/ui/queries/emag-products";
import type { BulkSelection } from "@/lib/ui/queries/offers";
import { formatCount } from "@/lib/ui/format";

const filtersOf = ({ page: _p, pageSize: _s, sort: _o, order: _d, ...filters }: ProductsListParams): ProductFilters => filters;

export function ProductsPageClient({ canWriteOffers }: { canWriteOffers: boolean }) {
  const { token } = theme.useToken();
  const { params, setParams } = useProductsUrlState();
  const list = useQuery(productQueries.list(params));
  const [selected, setSelected] = useState<Product | null>(null);
  const [checked, setChecked] = useState<string[]>([]);
  const [bulk, setBulk] = useState<{ selection: BulkSelection; label: string } | null>(null);
  const filtered = countProductFilters(params) > 0;
  const clearFilters = () => setParams(noProductFilters, { resetPage: true });
  const queryClient = useQueryClient();

  // A sync finished somewhere (this tab, another user, the scheduler): the stored products changed.
  useSocketEvent("sync:completed", () => void queryClient.invalidateQueries({ queryKey: productKeys.all }));
  // An offer job finished (bulk, import, repricer…): the offers it changed are refreshed.
  useOfferJobsLive();

  const total = list.data?.total;
  const extra = (
    <>
      {canWriteOffers && <PriceListImport />}
      <PriceListExport filters={filtersOf(params)} disabled={total === 0} />
      <ProductsExportButton params={params} disabled={total === 0} />
    </>
  );

  return (
    <PageContainer subtitle="Offers synced from both eMAG accounts" extra={extra}>
      <Card variant="borderless" styles={{ body: { padding: token.padding } }}>
        <ProductsToolbar params={params} onChange={(patch) => setParams(patch, { resetPage: true })} onClear={clearFilters} />
        {canWriteOffers && (
          <BulkSelectionBar
            selected={checked.length}
            matching={total}
            filtered={filtered}
            onBulkSelected={() => setBulk({ selection: { ids: checked }, label: `${formatCount(checked.length)} selected offer(s)` })}
            onBulkMatching={() =>
              setBulk({ selection: { filter: filtersOf(params) }, label: `all ${formatCount(total)} offers ${filtered ? "that match the filters" : "(no filter)"}` })
            }
            onClear={() => setChecked([])}
          />
        )}
        {list.isError && !list.data ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : (
          <ProductsTable
            page={list.data}
            loading={list.isPending || list.isPlaceholderData}
            params={params}
            filtered={filtered}
            onParamsChange={setParams}
            onClearFilters={clearFilters}
            onOpen={setSelected}
            selection={canWriteOffers ? { keys: checked, onChange: setChecked } : undefined}
          />
        )}
      </Card>
      <ProductDrawer product={selected} canEditOffer={canWriteOffers} onClose={() => setSelected(null)} />
      <BulkChangeDrawer open={!!bulk} selection={bulk?.selection ?? null} selectionLabel={bulk?.label ?? ""} onClose={() => setBulk(null)} />
    </PageContainer>
  );
}
