// category/read, vat/read, handling_time/read (contract §5.6-5.7). vat_rate has been seen both as a
// fraction (0.21) and as a percent (21); handling times as {value} and as {id}.
import { z } from "zod";
import { flag, int, intOrNull, listOf, num, text, textOrNull } from "../wire";

export const categoryCharacteristicSchema = z.looseObject({
  id: int,
  name: textOrNull,
  type_id: intOrNull,
  display_order: intOrNull,
  is_mandatory: z.union([flag, z.null()]).optional(),
  is_filter: z.union([flag, z.null()]).optional(),
  allow_new_value: z.union([flag, z.null()]).optional(),
  values: listOf(text),
  tags: listOf(text),
});

export const categorySchema = z.looseObject({
  id: int,
  name: textOrNull,
  is_allowed: z.union([flag, z.null()]).optional(),
  parent_id: intOrNull,
  is_ean_mandatory: z.union([flag, z.null()]).optional(),
  is_warranty_mandatory: z.union([flag, z.null()]).optional(),
  characteristics: listOf(categoryCharacteristicSchema),
  family_types: listOf(z.looseObject({ id: int, name: textOrNull })),
});
export type EmagCategory = z.output<typeof categorySchema>;

export const vatSchema = z
  .looseObject({ vat_id: int.optional(), id: int.optional(), vat_rate: num, is_default: z.union([flag, z.null()]).optional() })
  .transform((v) => ({
    ...v,
    vat_id: v.vat_id ?? v.id ?? 0,
    // Rates above 1 are percents; normalised to a fraction so callers need not guess.
    vat_rate: v.vat_rate > 1 ? v.vat_rate / 100 : v.vat_rate,
    is_default: v.is_default ?? 0,
  }));
export type EmagVat = z.output<typeof vatSchema>;

export const handlingTimeSchema = z
  .union([
    z.looseObject({ value: int }),
    z.looseObject({ id: int }).transform((h) => ({ ...h, value: h.id })),
    int.transform((value) => ({ value })),
  ])
  .transform((h) => ({ value: h.value }));
export type EmagHandlingTime = z.output<typeof handlingTimeSchema>;
