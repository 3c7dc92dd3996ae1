"use client";
// The offer jobs table's page and filters, and the job opened in the drawer (?job=<id>), in the URL.
import { offerJobKinds, offerJobStatuses, type JobsParams } from "@/lib/ui/queries/offers";
import { readEnum, readPositiveInt, readText, toSearch, type ReadableParams } from "@/lib/ui/url-params";
import { useUrlState } from "@/lib/ui/use-url-state";

export const JOB_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULTS = { page: 1, pageSize: 20 } as const;

export interface JobsUrlState extends JobsParams {
  job?: string;
}

function parse(sp: ReadableParams): JobsUrlState {
  return {
    page: readPositiveInt(sp, "page", DEFAULTS.page),
    pageSize: readPositiveInt(sp, "pageSize", DEFAULTS.pageSize, 100),
    kind: readEnum(sp, "kind", offerJobKinds),
    status: readEnum(sp, "status", offerJobStatuses),
    job: readText(sp, "job"),
  };
}

const serialize = (p: JobsUrlState) => toSearch({ kind: p.kind, status: p.status, page: p.page, pageSize: p.pageSize, job: p.job }, DEFAULTS);

export const listParamsOf = ({ job: _job, ...params }: JobsUrlState): JobsParams => params;

export function useOfferJobsUrlState() {
  return useUrlState(parse, serialize);
}
