// order/read items (contract §6.4-6.5). Every id (order, line, customer, mkt_id, locality) is a
// decimal string: real order ids exceed 2^31 and some clients lost them to int32 columns.
import { z } from "zod";
import { flag, id, idOrNull, int, intOrNull, listOf, num, numOrNull, text, textOrNull } from "../wire";

export const orderCustomerSchema = z.looseObject({
  id: idOrNull,
  mkt_id: idOrNull,
  name: textOrNull,
  company: textOrNull,
  email: textOrNull,
  gender: textOrNull,
  code: textOrNull,
  registration_number: textOrNull,
  bank: textOrNull,
  iban: textOrNull,
  legal_entity: z.union([flag, z.null()]).optional(),
  is_vat_payer: z.union([flag, z.null()]).optional(),
  phone_1: textOrNull,
  phone_2: textOrNull,
  phone_3: textOrNull,
  billing_name: textOrNull,
  billing_phone: textOrNull,
  billing_country: textOrNull,
  billing_suburb: textOrNull,
  billing_city: textOrNull,
  billing_locality_id: idOrNull,
  billing_street: textOrNull,
  billing_postal_code: textOrNull,
  shipping_country: textOrNull,
  shipping_suburb: textOrNull,
  shipping_city: textOrNull,
  shipping_locality_id: idOrNull,
  shipping_street: textOrNull,
  shipping_postal_code: textOrNull,
  shipping_contact: textOrNull,
  shipping_phone: textOrNull,
  created: textOrNull,
  modified: textOrNull,
});

export const orderProductSchema = z.looseObject({
  id: idOrNull,
  product_id: idOrNull,
  mkt_id: idOrNull,
  name: textOrNull,
  part_number: textOrNull,
  ext_part_number: textOrNull,
  part_number_key: textOrNull,
  currency: textOrNull,
  sale_price: num,
  original_price: numOrNull,
  vat: numOrNull,
  quantity: int,
  initial_qty: intOrNull,
  storno_qty: intOrNull,
  status: int.default(1),
  retained_amount: numOrNull,
  created: textOrNull,
  modified: textOrNull,
});

/** reason_cancellation: {id, name} on the wire, a bare int in the docs, null when not cancelled. */
const reasonCancellation = z
  .union([
    z.looseObject({ id: intOrNull, name: textOrNull }),
    int.transform((i) => ({ id: i, name: null })),
    z.null(),
    z.array(z.never()).transform(() => null),
  ])
  .optional()
  .transform((v) => v ?? null);

/** details: an object, or [] when empty. */
const orderDetails = z
  .union([z.looseObject({}), z.array(z.unknown()).transform(() => ({}))])
  .nullable()
  .optional()
  .transform((v) => (v ?? {}) as Record<string, unknown>);

export const orderSchema = z.looseObject({
  id,
  vendor_name: textOrNull,
  type: int,
  parent_id: idOrNull,
  date: textOrNull,
  created: textOrNull,
  modified: textOrNull,
  status: int,
  is_complete: intOrNull,
  payment_mode: textOrNull,
  payment_mode_id: intOrNull,
  detailed_payment_method: textOrNull,
  payment_status: intOrNull,
  delivery_mode: textOrNull,
  delivery_payment_mode: textOrNull,
  observation: textOrNull,
  details: orderDetails,
  cashed_co: numOrNull,
  cashed_cod: numOrNull,
  shipping_tax: numOrNull,
  customer: orderCustomerSchema.nullable().optional(),
  products: listOf(orderProductSchema),
  vouchers: listOf(z.looseObject({ voucher_id: idOrNull, sale_price: numOrNull, sale_price_vat: numOrNull })),
  attachments: listOf(z.looseObject({ name: textOrNull, url: text, type: intOrNull })),
  refunded_amount: numOrNull,
  refund_status: textOrNull,
  reason_cancellation: reasonCancellation,
  maximum_date_for_shipment: textOrNull,
  finalization_date: textOrNull,
  late_shipment: intOrNull,
  emag_club: intOrNull,
  weekend_delivery: intOrNull,
  has_editable_products: intOrNull,
  enforced_vendor_courier_accounts: z.unknown().optional(),
});
export type EmagOrder = z.output<typeof orderSchema>;
export type EmagOrderProduct = z.output<typeof orderProductSchema>;
export type EmagOrderCustomer = z.output<typeof orderCustomerSchema>;
