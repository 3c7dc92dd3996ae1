// awb/save, awb/read, courier_accounts/read, addresses/read (contract §7). The awb/save response
// shape is undocumented; clients report reservation_id and/or emag_id plus awb[] entries.
import { z } from "zod";
import { flag, id, idOrNull, int, intOrNull, listOf, numOrNull, text, textOrNull } from "../wire";

const awbNumberSchema = z.looseObject({ emag_id: idOrNull, awb_number: textOrNull, awb_barcode: textOrNull });

export const awbSaveResultSchema = z.looseObject({
  reservation_id: idOrNull,
  emag_id: idOrNull,
  courier_id: idOrNull,
  courier_name: textOrNull,
  awb: listOf(awbNumberSchema),
});
export type EmagAwbSaveResult = z.output<typeof awbSaveResultSchema>;

export const awbSchema = z.looseObject({
  emag_id: idOrNull,
  reservation_id: idOrNull,
  order_id: idOrNull,
  rma_id: idOrNull,
  type: intOrNull,
  weight: numOrNull,
  awb_type: intOrNull,
  awb: listOf(awbNumberSchema),
  status: z
    .union([z.looseObject({ code: textOrNull, name: textOrNull, description: textOrNull }), z.null()])
    .optional()
    .transform((v) => v ?? null),
  courier: z
    .union([z.looseObject({ courier_account_id: idOrNull, courier_name: textOrNull }), z.null()])
    .optional()
    .transform((v) => v ?? null),
});
export type EmagAwb = z.output<typeof awbSchema>;

export const courierAccountSchema = z.looseObject({
  account_id: id,
  account_display_name: textOrNull,
  courier_account_type: intOrNull,
  courier_name: textOrNull,
  courier_account_properties: listOf(int),
  created: textOrNull,
  status: intOrNull,
  pickup_country_code: textOrNull,
});
export type EmagCourierAccount = z.output<typeof courierAccountSchema>;

export const addressSchema = z.looseObject({
  address_id: text,
  country_id: intOrNull,
  country_code: textOrNull,
  address_type_id: intOrNull,
  locality_id: idOrNull,
  suburb: textOrNull,
  city: textOrNull,
  address: textOrNull,
  zipcode: textOrNull,
  quarter: textOrNull,
  floor: textOrNull,
  is_default: z.union([flag, z.null()]).optional(),
});
export type EmagAddress = z.output<typeof addressSchema>;
