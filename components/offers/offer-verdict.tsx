"use client";
// eMAG's verdict on one offer change: "Pending — sending to eMAG" while the request runs, then
// applied ✓ or rejected with eMAG's message. A verdict still out when the server stopped waiting
// (202) is followed through the job until it lands.
import { useEffect } from "react";
import { CheckCircleOutlined, LoadingOutlined } from "@ant-design/icons";
import { Alert } from "antd";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useOfferJob } from "@/components/offers/use-offer-job-live";
import { productKeys } from "@/lib/ui/queries/emag-products";
import { isJobOpen, offerKeys, offerQueries, type OfferJobItem } from "@/lib/ui/queries/offers";

export type VerdictState =
  | { phase: "sending" }
  | { phase: "nothing"; message: string }
  | { phase: "answered"; item: OfferJobItem; jobId: string };

const undecided = (s: OfferJobItem["status"]) => s === "pending" || s === "sending";

function Pending({ later }: { later?: boolean }) {
  return (
    <Alert
      type="info"
      showIcon
      icon={<LoadingOutlined />}
      title="Pending — sending to eMAG"
      description={later ? "eMAG has not answered yet; the verdict appears here as soon as it does." : "Waiting for eMAG's verdict (a few seconds)."}
      data-testid="offer-verdict"
      data-verdict="pending"
    />
  );
}

function Decided({ item }: { item: OfferJobItem }) {
  if (item.status === "applied")
    return <Alert type="success" showIcon icon={<CheckCircleOutlined />} title="Applied ✓" description="eMAG accepted the change." data-testid="offer-verdict" data-verdict="applied" />;
  const label = item.status === "rejected" ? "Rejected by eMAG" : item.status === "failed" ? "Failed" : `Not sent (${item.status})`;
  return <Alert type="error" showIcon title={label} description={item.message ?? "eMAG gave no message."} data-testid="offer-verdict" data-verdict={item.status} />;
}

/** The 202 case: the job says when eMAG answered; its one item holds the verdict. */
function Follow({ jobId, productId }: { jobId: string; productId: string }) {
  const queryClient = useQueryClient();
  const job = useOfferJob(jobId);
  const done = !!job.data && !isJobOpen(job.data.status);
  const items = useQuery({ ...offerQueries.jobItems(jobId, { page: 1, pageSize: 1 }), enabled: done });
  const item = items.data?.data[0];
  useEffect(() => {
    if (!item || undecided(item.status)) return;
    void queryClient.invalidateQueries({ queryKey: productKeys.all });
    void queryClient.invalidateQueries({ queryKey: offerKeys.allChanges(productId) });
  }, [item, productId, queryClient]);
  return item && !undecided(item.status) ? <Decided item={item} /> : <Pending later />;
}

export function OfferVerdict({ state, productId }: { state: VerdictState; productId: string }) {
  if (state.phase === "sending") return <Pending />;
  if (state.phase === "nothing") return <Alert type="info" showIcon title={state.message} data-testid="offer-verdict" data-verdict="nothing" />;
  if (undecided(state.item.status)) return <Follow jobId={state.jobId} productId={productId} />;
  return <Decided item={state.item} />;
}
