// Response shapes of the returns area, shared by the server (lib/returns/queries.ts) and the UI
// (lib/ui/queries/orders.ts). Types only: nothing here runs.

/** One returned line, as stored in emag_returns.products. */
export interface ReturnProductJson {
  id: string | null;
  product_id: string | null;
  product_emag_id: string | null;
  name: string | null;
  quantity: number | null;
  reason: number | null;
  /** eMAG's refund value of the line, in the order's currency. */
  refund_value: number | null;
}

/** A return in GET /api/v1/emag/orders/{id} (`returns`). eMAG ids are decimal strings (> 2^31). */
export interface OrderReturnJson {
  id: string;
  emag_rma_id: string;
  return_type: number | null;
  return_type_label: string | null;
  return_reason: number | null;
  request_status: number;
  request_status_label: string;
  products: ReturnProductJson[];
  /** Sum of the products' refund values, 2 decimals. */
  refund_value: number;
  /** When the customer asked (eMAG's `date`, Europe/Bucharest) as an ISO instant. */
  emag_date: string | null;
}
