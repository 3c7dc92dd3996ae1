import { describe, expect, it } from "vitest";
import { customersQuery, parseCustomersParams } from "@/lib/ui/queries/customers";

const parse = (qs: string) => parseCustomersParams(new URLSearchParams(qs));

describe("customers URL state", () => {
  it("reads every filter, keeps list values in their canonical order and drops unknown ones", () => {
    const p = parse("segment=lost,champions,bogus&tier=gold&risk=high&account=fbe&kind=company&city=Arad&min_spend=100&max_spend=x"
      + "&first_order_from=2026-01-01&last_order_to=2026-13&sort=loyalty&order=asc&page=3&pageSize=500&customer=c_20250101000000000_main_0000000001&order_id=u1");
    expect(p).toMatchObject({
      segment: ["champions", "lost"], tier: ["gold"], risk: ["high"], account: "fbe", kind: "company", city: "Arad", min_spend: 100, max_spend: undefined,
      first_order_from: "2026-01-01", last_order_to: undefined, sort: "loyalty", order: "asc", page: 3, pageSize: 100,
      open: "c_20250101000000000_main_0000000001", openOrder: "u1",
    });
  });

  it("falls back to the defaults and refuses a malformed customer id", () => {
    expect(parse("sort=nope&order=up&page=0&customer=../x")).toMatchObject({ sort: "net_spend", order: "desc", page: 1, pageSize: 20, open: undefined, segment: undefined });
  });

  it("sends lists to the API as comma lists", () => {
    expect(customersQuery({ segment: ["champions", "lost"], tier: undefined, search: "ion" })).toEqual({ segment: "champions,lost", tier: undefined, risk: undefined, search: "ion" });
  });
});
