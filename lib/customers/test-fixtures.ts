// Builders for hand-made orders and returns in the customers tests.
import type { BuyerInput, CustomerOrderInput, CustomerReturnInput } from "./types";

export const buyer = (b: Partial<BuyerInput> = {}): BuyerInput => ({
  emagCustomerId: null,
  emailHash: null,
  phones: [],
  name: null,
  legalEntity: false,
  cui: null,
  companyName: null,
  registrationNumber: null,
  vatPayer: null,
  ...b,
});

let seq = 3_100_000_000;

/** An order: `at` is an ISO instant or a day ("2025-03-01"), 12:00 UTC. */
export function order(at: string, o: Partial<Omit<CustomerOrderInput, "buyer">> & { buyer?: Partial<BuyerInput> } = {}): CustomerOrderInput {
  const { buyer: b, ...rest } = o;
  return {
    account: "main",
    emagOrderId: String(seq++),
    createdAt: new Date(at.length === 10 ? `${at}T12:00:00Z` : at),
    status: 4,
    total: 100,
    currency: "RON",
    paymentModeId: 3,
    city: "Cluj-Napoca",
    shipped: true,
    cancellationReasonId: null,
    refundedAmount: null,
    buyer: buyer(b),
    ...rest,
  };
}

export function rma(of: CustomerOrderInput, r: Partial<CustomerReturnInput> = {}): CustomerReturnInput {
  return { account: of.account, emagOrderId: of.emagOrderId, rmaId: String(seq++), requestStatus: 7, returnType: 3, refundValue: of.total, createdAt: of.createdAt, ...r };
}
