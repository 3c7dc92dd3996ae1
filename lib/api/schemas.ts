import { z } from "zod";

export const MAX_PAGE = 100_000;
export const MAX_PAGE_SIZE = 100;

/**
 * Paging fields for every list query: page 1..100000, page size 1..100. Together they bound the
 * OFFSET at 9,999,900 rows, well inside PostgreSQL's int and far past any real list.
 */
export const pageFields = {
  page: z.coerce.number({ message: "must be a number" }).int({ message: "must be a whole number" }).min(1, { message: "must be at least 1" })
    .max(MAX_PAGE, { message: `must be at most ${MAX_PAGE}` }).default(1),
  pageSize: z.coerce.number({ message: "must be a number" }).int({ message: "must be a whole number" }).min(1, { message: "must be at least 1" })
    .max(MAX_PAGE_SIZE, { message: `must be at most ${MAX_PAGE_SIZE}` }).default(20),
};

/** Shared list query: page from 1, page size capped at 100. */
export const pageQuerySchema = z.object(pageFields);

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** A calendar day YYYY-MM-DD (2000..2100) that exists: 2024-02-30 and 2024-13-45 are refused. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date YYYY-MM-DD", abort: true })
  .refine(
    (s) => {
      const [y, m, d] = s.split("-").map(Number) as [number, number, number];
      const t = new Date(Date.UTC(y, m - 1, d));
      return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
    },
    { message: "must be a real calendar date", abort: true },
  )
  .refine((s) => {
    const y = Number(s.slice(0, 4));
    return y >= MIN_YEAR && y <= MAX_YEAR;
  }, { message: `must be a date between ${MIN_YEAR} and ${MAX_YEAR}` });

export const uuidParam = z.uuid({ message: "must be a UUID" });

export interface Page<T> {
  data: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const idParamsSchema = z.object({ id: uuidParam });
export const tokenParamsSchema = z.object({ id: uuidParam, tokenId: uuidParam });
