"use client";
// Offer jobs: every change sent to eMAG (single, bulk, import, repricer, inventory, retry), live,
// with a drawer per job (?job=<id>) showing each offer's outcome.
import { Card, Flex, theme } from "antd";
import { useQuery } from "@tanstack/react-query";
import { FilterSelect } from "@/components/common/filter-select";
import { QueryError } from "@/components/common/query-error";
import { PageContainer } from "@/components/layout/page-container";
import { jobKindLabels, jobStatusLooks } from "@/components/offers/labels";
import { OfferJobDrawer } from "@/components/offers/offer-job-drawer";
import { OfferJobsTable } from "@/components/offers/offer-jobs-table";
import { useOfferJobsLive } from "@/components/offers/use-offer-job-live";
import { listParamsOf, useOfferJobsUrlState } from "@/components/offers/use-offer-jobs-url-state";
import { offerJobKinds, offerJobStatuses, offerQueries, type OfferJobKind, type OfferJobStatus } from "@/lib/ui/queries/offers";

const kindOptions = offerJobKinds.map((k) => ({ value: k, label: jobKindLabels[k] }));
const statusOptions = offerJobStatuses.map((s) => ({ value: s, label: jobStatusLooks[s].label }));

export function OfferJobsPageClient({ canWrite }: { canWrite: boolean }) {
  const { token } = theme.useToken();
  const { params: state, setParams } = useOfferJobsUrlState();
  const params = listParamsOf(state);
  const list = useQuery(offerQueries.jobs(params));
  useOfferJobsLive();
  const filtered = !!(params.kind || params.status);
  const clear = () => setParams({ kind: undefined, status: undefined }, { resetPage: true });

  return (
    <PageContainer title="Offer jobs" subtitle="Price, stock and status changes sent to eMAG, followed live">
      <Card variant="borderless" styles={{ body: { padding: token.padding } }} data-testid="offer-jobs-page">
        <Flex wrap gap={token.marginSM} style={{ marginBottom: token.marginMD }}>
          <FilterSelect<OfferJobKind> label="kind" placeholder="Any kind" value={params.kind} options={kindOptions}
            onChange={(kind) => setParams({ kind }, { resetPage: true })} style={{ flex: "1 1 150px", maxWidth: 200 }} testId="offer-jobs-kind-filter" />
          <FilterSelect<OfferJobStatus> label="status" placeholder="Any status" value={params.status} options={statusOptions}
            onChange={(status) => setParams({ status }, { resetPage: true })} style={{ flex: "1 1 150px", maxWidth: 200 }} testId="offer-jobs-status-filter" />
        </Flex>
        {list.isError && !list.data ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : (
          <OfferJobsTable
            page={list.data}
            loading={list.isPending || list.isPlaceholderData}
            params={params}
            filtered={filtered}
            onParamsChange={setParams}
            onClearFilters={clear}
            onOpen={(j) => setParams({ job: j.id })}
          />
        )}
      </Card>
      <OfferJobDrawer id={state.job} canWrite={canWrite} onClose={() => setParams({ job: undefined })} onOpen={(job) => setParams({ job })} />
    </PageContainer>
  );
}
