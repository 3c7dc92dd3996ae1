// Request shapes for the typed calls. Field names are eMAG's; ids may be given as string, number
// or bigint and are sent as integers (see toWireId).

export type EmagAccountKind = "main" | "fbe";
export type EmagId = string | number | bigint;

export type Paging = { currentPage?: number; itemsPerPage?: number };

export type ProductOfferFilters = Paging & {
  id?: EmagId;
  status?: 0 | 1 | 2;
  part_number?: string;
  part_number_key?: string;
  name?: string;
  ean?: string;
  general_stock?: number;
  estimated_stock?: number;
  offer_validation_status?: 1 | 2;
  validation_status?: number;
  translation_validation_status?: number;
};

export type WarehouseValue = { warehouse_id: number; value: number };

/** product_offer/save item. New products need documentation; offer-only updates need the offer fields. */
export type ProductOfferSaveItem = {
  id: EmagId;
  status?: 0 | 1 | 2;
  sale_price?: number;
  recommended_price?: number;
  min_sale_price?: number;
  max_sale_price?: number;
  vat_id?: number;
  stock?: WarehouseValue[];
  handling_time?: WarehouseValue[];
  name?: string;
  brand?: string;
  part_number?: string;
  part_number_key?: string;
  category_id?: number;
  ean?: string[];
  description?: string;
  warranty?: number;
  images?: { url: string; display_type?: 0 | 1 | 2 }[];
  [extra: string]: unknown;
};

/** offer/save ("light" API): only id is required; send only what changes. */
export type LightOfferSaveItem = {
  id: EmagId;
  sale_price?: number;
  recommended_price?: number;
  min_sale_price?: number;
  max_sale_price?: number;
  currency_type?: "EUR" | "PLN";
  stock?: WarehouseValue[];
  handling_time?: WarehouseValue[];
  vat_id?: number;
  status?: 0 | 1 | 2;
};

export type CategoryFilters = Paging & { id?: number; valuesCurrentPage?: number; valuesPerPage?: number };

/** Timestamps are "YYYY-MM-DD HH:MM:SS", platform-local time. */
export type OrderFilters = Paging & {
  id?: EmagId | EmagId[];
  status?: number | number[];
  type?: 2 | 3;
  payment_mode_id?: number | number[];
  is_complete?: 0 | 1;
  createdAfter?: string;
  createdBefore?: string;
  modifiedAfter?: string;
  modifiedBefore?: string;
};

/** order/save takes the whole order as read (§6.7), with the changes applied. */
export type OrderSaveItem = { id: EmagId; status: number; products?: unknown[]; is_storno?: boolean; [k: string]: unknown };

export type OrderAttachment = {
  order_id: EmagId;
  order_type: 2 | 3;
  name: string;
  url: string;
  type?: number;
  order_product_id?: EmagId;
  force_download?: 0 | 1;
};

export type AwbParty = {
  name: string;
  contact: string;
  phone1: string;
  phone2?: string;
  legal_entity?: 0 | 1;
  address_id?: string;
  locality_id: EmagId;
  street: string;
  zipcode?: string;
};

export type AwbSaveRequest = {
  order_id?: EmagId;
  rma_id?: EmagId;
  sender: AwbParty;
  receiver: AwbParty;
  locker_id?: string;
  is_oversize: 0 | 1;
  insured_value?: number;
  weight?: number;
  envelope_number: number;
  parcel_number: number;
  observation?: string;
  cod: number;
  courier_account_id?: EmagId;
  pickup_and_return?: 0 | 1;
  saturday_delivery?: 0 | 1;
  sameday_delivery?: 0 | 1;
  dropoff_locker?: 0 | 1;
  date?: string;
};

export type AwbFilters = { emag_id?: EmagId; reservation_id?: EmagId };

export type RmaFilters = Paging & {
  id?: EmagId;
  emag_id?: EmagId;
  order_id?: EmagId;
  product_id?: EmagId;
  request_status?: number;
  type?: 2 | 3;
  date_start?: string;
  date_end?: string;
};

/** Per-call options. */
export type CallOptions = { signal?: AbortSignal };
