"use client";
// Shared pieces of the server-paged tables (users, products, sync history): translating antd's
// table changes into URL params, and the "nothing matches these filters" empty state.
import { Button, Empty, type TablePaginationConfig } from "antd";
import type { SorterResult } from "antd/es/table/interface";

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

export function NoMatches({ what, onClear }: { what: string; onClear: () => void }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`No ${what} match these filters`}>
      <Button onClick={onClear}>Clear filters</Button>
    </Empty>
  );
}
