"use client";
// Shared pieces of the server-paged tables (users, products, orders, sync history): translating
// antd's table changes into URL params, the pagination they all show, and the "nothing matches
// these filters" empty state.
import { Button, Empty, type TablePaginationConfig, type TableProps } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import { formatCount } from "@/lib/ui/format";

type Paged = { page: number; pageSize: number };

/** A page or page-size change; a new page size starts again from page 1. */
export function pageChange(pagination: TablePaginationConfig, params: Paged): Paged {
  const pageSize = pagination.pageSize ?? params.pageSize;
  return { pageSize, page: pageSize !== params.pageSize ? 1 : (pagination.current ?? 1) };
}

/** A header click: the sorted column key and direction, or the fallback when the sort is cleared. */
export function sortChange<R, F extends string>(
  sorter: SorterResult<R> | SorterResult<R>[],
  fallback: { sort: F; order: "asc" | "desc" },
): { sort: F; order: "asc" | "desc"; page: 1 } {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = s?.order ? (s.columnKey as F) : undefined;
  if (!field) return { ...fallback, page: 1 };
  return { sort: field, order: s?.order === "descend" ? "desc" : "asc", page: 1 };
}

type Sorted<F extends string> = { sort: F; order: "asc" | "desc" };

/** antd's onChange for a server-sorted, server-paged table: a header click sorts (from page 1), the pager pages. */
export function serverTableChange<R, F extends string>(
  params: Paged,
  fallback: Sorted<F>,
  onParamsChange: (patch: Paged | (Sorted<F> & { page: 1 })) => void,
): TableProps<R>["onChange"] {
  return (pagination, _filters, sorter, extra) => {
    if (extra.action === "sort") onParamsChange(sortChange<R, F>(sorter, fallback));
    else if (extra.action === "paginate") onParamsChange(pageChange(pagination, params));
  };
}

/** The pager of a server-paged list: "1–20 of 6,005 orders" on desktop, a compact pager on phones. */
export function serverPagination(params: Paged, total: number | undefined, opts: { isMobile: boolean; pageSizes: readonly number[]; noun: string }): TablePaginationConfig {
  return {
    current: params.page,
    pageSize: params.pageSize,
    total: total ?? 0,
    showSizeChanger: !opts.isMobile,
    pageSizeOptions: opts.pageSizes.map(String),
    simple: opts.isMobile,
    showTotal: opts.isMobile ? undefined : (all, [from, to]) => `${formatCount(from)}–${formatCount(to)} of ${formatCount(all)} ${opts.noun}`,
  };
}

export function NoMatches({ what, onClear }: { what: string; onClear: () => void }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`No ${what} match these filters`}>
      <Button onClick={onClear}>Clear filters</Button>
    </Empty>
  );
}
