// rma/read items (contract §8). order_id may arrive as a string; all ids stay strings.
import { z } from "zod";
import { id, idOrNull, int, intOrNull, listOf, numOrNull, textOrNull } from "../wire";

export const rmaProductSchema = z.looseObject({
  id: idOrNull,
  product_emag_id: idOrNull,
  product_id: idOrNull,
  quantity: intOrNull,
  product_name: textOrNull,
  return_reason: intOrNull,
  observations: textOrNull,
  refund_value: numOrNull,
});

export const rmaSchema = z.looseObject({
  emag_id: id,
  id: idOrNull,
  order_id: idOrNull,
  type: intOrNull,
  is_full_fbe: intOrNull,
  customer_name: textOrNull,
  customer_phone: textOrNull,
  pickup_method: intOrNull,
  request_status: int,
  return_type: intOrNull,
  return_reason: intOrNull,
  date: textOrNull,
  observations: textOrNull,
  return_tax_value: numOrNull,
  products: listOf(rmaProductSchema),
  awbs: listOf(z.looseObject({ reservation_id: idOrNull })),
});
export type EmagRma = z.output<typeof rmaSchema>;
