// Inputs of the customer core: what one stored order (emag_orders, its raw customer) and one stored
// return (RMA) can provide. Field names follow the Prisma models; README maps each to its column.
import type { AccountKind } from "@/lib/accounts/service";

export type { AccountKind };

/** 0 canceled, 1 new, 2 in progress, 3 prepared, 4 finalized, 5 returned (contract §6.2). */
export type OrderStatus = 0 | 1 | 2 | 3 | 4 | 5;

/** 1 cash on delivery, 2 bank transfer, 3 online card (contract §6.3). */
export type PaymentModeId = 1 | 2 | 3;

/** RMA request_status: 1 incomplete, 2 new, 3 approved, 4 refused, 5 canceled, 6 received, 7 finalized (§8). */
export type ReturnRequestStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** RMA return_type: 1 same-product replacement, 2 other-product replacement, 3 refund, 4 cancel contract, 5 voucher. */
export type ReturnType = 1 | 2 | 3 | 4 | 5;

/** Which order: eMAG ids are per account, so an order is (account, eMAG order id as a decimal string). */
export interface OrderRef {
  account: AccountKind;
  emagOrderId: string;
}

/** The buyer of one order, as eMAG sent it (see `buyerFromEmagCustomer`). Nothing here is normalised yet. */
export interface BuyerInput {
  /** customer.id: decimal string, may exceed 2^31. */
  emagCustomerId: string | null;
  /** customer.email: a stable hash, not an address. */
  emailHash: string | null;
  /** phone_1, phone_2, phone_3, billing_phone (never shipping_phone: that may be a gift's recipient). */
  phones: readonly (string | null | undefined)[];
  name: string | null;
  legalEntity: boolean;
  /** customer.code: the company's CUI/CIF, any spelling (`RO 0123 4567`). */
  cui: string | null;
  companyName: string | null;
  /** customer.registration_number, e.g. J40/123/2020. */
  registrationNumber: string | null;
  vatPayer: boolean | null;
}

/** Enough of an order to place it: identity never looks at anything else. */
export interface IdentityOrderInput extends OrderRef {
  /** emag_created_at (fall back to first_seen_at when eMAG sent none), millisecond precision. */
  createdAt: Date;
  buyer: BuyerInput;
}

export interface CustomerOrderInput extends IdentityOrderInput {
  status: OrderStatus;
  /** What the customer pays: lines incl. VAT + shipping + vouchers (emag_orders.total). */
  total: number;
  /** null is read as RON (the mapper's default). */
  currency: string | null;
  paymentModeId: number | null;
  /** Shipping city (billing city when none). */
  city: string | null;
  /** The parcel left: awb_number or finalized_at is set (FBE orders: finalized_at, eMAG ships them). */
  shipped: boolean;
  /** cancellation_reason.id (contract §6.3 codes). */
  cancellationReasonId: number | null;
  /** refunded_amount from the order, when eMAG sent one. */
  refundedAmount: number | null;
}

export interface CustomerReturnInput extends OrderRef {
  /** RMA emag_id. `account`/`emagOrderId` name the order it returns. */
  rmaId: string;
  requestStatus: ReturnRequestStatus;
  returnType: ReturnType | null;
  /** Sum of products[].refund_value. */
  refundValue: number;
  createdAt: Date;
}
