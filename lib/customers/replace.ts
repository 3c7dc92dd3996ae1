// A re-synced order's new version in place of its old one in a customer's stored state
// (CustomerAgg), so an order page need not read the customer's other orders (README "What a page
// does with each customer"). Pure.
import { aggOf, sortKeyOf, type CustomerAgg } from "./metrics";
import type { AccountKind, CustomerOrderInput, CustomerReturnInput } from "./types";

type Extreme = "first" | "last" | "firstPurchase" | "lastPurchase" | "name" | "cui" | "companyName" | "registration" | "vat";
const EXTREMES: readonly [Extreme, "earliest" | "latest"][] = [
  ["first", "earliest"], ["firstPurchase", "earliest"], ["last", "latest"], ["lastPurchase", "latest"],
  ["name", "latest"], ["cui", "latest"], ["companyName", "latest"], ["registration", "latest"], ["vat", "latest"],
];

/**
 * One keyed count (cities, modes, contacts: [orders, ...the latest order's values], its sortKey at
 * `skAt`) with the order's old entry `a` replaced by its new one `b` (each a one-order map). False
 * when the old entry held the latest values of a key the new version leaves: the next latest is
 * in another order, which the state does not keep.
 */
function replaceEntry<E extends [number, ...unknown[]]>(map: Record<string, E>, a: Record<string, E>, b: Record<string, E>, skAt: number, sk: string): boolean {
  const [ka] = Object.keys(a);
  const [kb] = Object.keys(b);
  if (ka !== undefined) {
    const cur = map[ka];
    if (!cur || cur[0] < 1) return false;
    const holds = cur[skAt] === sk;
    if (ka === kb) {
      if (holds) map[ka] = [cur[0], ...b[kb]!.slice(1)] as E;
      return true;
    }
    if (cur[0] === 1) {
      if (!holds) return false;
      delete map[ka];
    } else if (holds) return false;
    else map[ka] = [cur[0] - 1, ...cur.slice(1)] as E;
  }
  if (kb !== undefined) {
    const cur = map[kb];
    const eb = b[kb]!;
    map[kb] = !cur ? eb : ((cur[skAt] as string) < sk ? [cur[0] + 1, ...eb.slice(1)] : [cur[0] + 1, ...cur.slice(1)]) as E;
  }
  return true;
}

/** `values` with `added` (both sorted, distinct), or null when `removed` has a value `added` lacks. */
function replaceValues(values: string[], removed: readonly string[], added: readonly string[]): string[] | null {
  const kept = new Set(added);
  if (removed.some((v) => !kept.has(v))) return null;
  const all = new Set([...values, ...added]);
  return all.size === values.length ? values : [...all].sort();
}

/**
 * The state with one order's old version replaced by its new one (a re-synced order: same order,
 * so the same sortKey), with that order's returns. Counters and sums take the difference; every
 * "oldest"/"latest" the old version held is taken over by the new one. Null when that is not
 * enough (the new version no longer qualifies for a value the old one held, or drops a phone,
 * email hash or eMAG id): only recomputing from all the orders gives the state then. `agg` is
 * not changed.
 */
export function replaceOrder(agg: CustomerAgg, old: CustomerOrderInput, next: CustomerOrderInput, returns: readonly CustomerReturnInput[], baseCurrency = "RON"): CustomerAgg | null {
  const sk = sortKeyOf(old);
  if (sortKeyOf(next) !== sk) return null;
  const a = aggOf([old], returns, baseCurrency);
  const b = aggOf([next], returns, baseCurrency);
  const out: CustomerAgg = structuredClone(agg);
  out.n = out.n.map((x, i) => x - a.n[i]! + b.n[i]!) as CustomerAgg["n"];
  out.cents = [out.cents[0] - a.cents[0] + b.cents[0], out.cents[1] - a.cents[1] + b.cents[1]];
  for (const k of Object.keys(out.accounts) as AccountKind[]) out.accounts[k] += b.accounts[k] - a.accounts[k];
  const o = out as unknown as Record<Extreme, [string, unknown] | null>;
  const av = a as unknown as Record<Extreme, [string, unknown] | null>;
  const bv = b as unknown as Record<Extreme, [string, unknown] | null>;
  for (const [f, way] of EXTREMES) {
    const cur = o[f];
    const held = cur !== null && cur[0] === sk;
    // A state that does not hold what this order gave it is not this order's customer's: recompute.
    if ((held && av[f] === null) || (av[f] !== null && cur === null)) return null;
    if (held) {
      if (bv[f] === null) return null;
      o[f] = bv[f];
    } else if (bv[f] !== null && (cur === null || (way === "earliest" ? sk < cur[0] : sk > cur[0]))) o[f] = bv[f];
  }
  if (!replaceEntry(out.cities, a.cities, b.cities, 2, sk) || !replaceEntry(out.modes, a.modes, b.modes, 1, sk) || !replaceEntry(out.contacts, a.contacts, b.contacts, 1, sk)) return null;
  const phones = replaceValues(out.phones, a.phones, b.phones);
  const emails = replaceValues(out.emails, a.emails, b.emails);
  const emagIds = replaceValues(out.emagIds, a.emagIds, b.emagIds);
  if (!phones || !emails || !emagIds) return null;
  Object.assign(out, { phones, emails, emagIds });
  return out;
}
