// Paging over eMAG read routes. Reads return only the page (no totals), so a sequential walk
// stops at the first short or empty page; a concurrent fetch asks the matching count route first.
import type { EmagCount } from "./envelope";
import type { CallOptions, Paging } from "./types";

type ReadFn<F, R> = (filters: F & Paging, opts?: CallOptions) => Promise<R[]>;
type CountFn<F> = (filters: F, opts?: CallOptions) => Promise<EmagCount>;

export type PageOptions = CallOptions & {
  /** Capped at 100, eMAG's maximum. */
  itemsPerPage?: number;
  startPage?: number;
  /** Guard against a server that ignores currentPage. eMAG accepts pages 1..65535. */
  maxPages?: number;
};

/** Yields each page in order; stops after a page shorter than itemsPerPage or an empty one. */
export async function* readPages<F extends object, R>(read: ReadFn<F, R>, filters: F, opts: PageOptions = {}): AsyncGenerator<R[]> {
  const itemsPerPage = Math.min(100, Math.max(1, opts.itemsPerPage ?? 100));
  const first = opts.startPage ?? 1;
  const last = first + (opts.maxPages ?? 65535) - 1;
  for (let currentPage = first; currentPage <= last; currentPage++) {
    const page = await read({ ...filters, currentPage, itemsPerPage }, { signal: opts.signal });
    if (page.length === 0) return;
    yield page;
    if (page.length < itemsPerPage) return;
  }
}

/** Every item of a read route, page by page. */
export async function readAll<F extends object, R>(read: ReadFn<F, R>, filters: F, opts: PageOptions = {}): Promise<R[]> {
  const out: R[] = [];
  for await (const page of readPages(read, filters, opts)) out.push(...page);
  return out;
}

export type ConcurrentPagesOptions = CallOptions & {
  itemsPerPage?: number;
  /** Called as each page arrives (in completion order), e.g. to stream into the database. */
  onPage?: (page: number, items: unknown[]) => void | Promise<void>;
};

/**
 * Counts, then requests pages 1..noOfPages all at once. The account's rate limiter spaces them,
 * so with 3-4 s eMAG latency many pages are in flight together instead of one after another.
 * Items are returned in page order.
 */
export async function fetchPagesConcurrently<F extends object, R>(
  count: CountFn<F>,
  read: ReadFn<F, R>,
  filters: F,
  opts: ConcurrentPagesOptions = {},
): Promise<{ total: number; pages: number; items: R[] }> {
  const itemsPerPage = Math.min(100, Math.max(1, opts.itemsPerPage ?? 100));
  const c = await count({ ...filters, itemsPerPage } as F, { signal: opts.signal });
  const pages = Math.ceil(c.noOfItems / itemsPerPage);
  const results = await Promise.all(
    Array.from({ length: pages }, async (_, i) => {
      const items = await read({ ...filters, currentPage: i + 1, itemsPerPage }, { signal: opts.signal });
      await opts.onPage?.(i + 1, items);
      return items;
    }),
  );
  return { total: c.noOfItems, pages, items: results.flat() };
}
