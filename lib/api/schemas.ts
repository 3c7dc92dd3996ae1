import { z } from "zod";

/** Shared list query: page from 1, page size capped at 100. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const uuidParam = z.uuid({ message: "must be a UUID" });

export interface Page<T> {
  data: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const idParamsSchema = z.object({ id: uuidParam });
export const tokenParamsSchema = z.object({ id: uuidParam, tokenId: uuidParam });
