// A fixed, seeded population of eMAG buyers shared by both seller accounts. Each buyer is
// generated on its own from (seed, index), independently of the account, so the same person can
// order on MAIN and on FBE under one customer id and one email hash.
//
// Orders per buyer follow a long tail: most buyers get a capped Pareto weight (most buy once,
// some a few times) and about 1 % are frequent buyers, often companies, with weights an order of
// magnitude higher. With 3,000 orders per account this gives roughly 2,700 distinct buyers.
import { createRng, hashSeed, type Rng } from "../prng";
import { DAY_MS } from "../time";
import { generateCompany, randomAddress, type SimAddress, type SimCompany } from "./companies";
import { FEMALE_NAMES, LAST_NAMES, MALE_NAMES, PAYMENT_MODES, SURNAME_ROOTS } from "./people-words";
import { PHONE_HABITS } from "./customer";

export type Buyer = {
  index: number;
  /**
   * eMAG customer `id` and `mkt_id`. Contract §6.5 lists them (values above 2^31) but does not
   * say whether they are per seller account or platform-wide [U]; §11 gives separate id spaces to
   * offers and orders only. The simulator treats them as platform-wide: one buyer has the same id
   * on MAIN and on FBE (and so do the email hash and phone). Contacts of one company are separate
   * buyers with their own ids.
   */
  id: number;
  mktId: number;
  name: string;
  gender: "M" | "F" | "";
  /** eMAG's opaque per-buyer hash (§6.5), never a real address. */
  email: string;
  /** National form, 07xxxxxxxx; each order spells it in its own way (customer.ts). */
  phone: string;
  /** The spelling this buyer usually types (index into PHONE_SPELLINGS). */
  phoneHabit: number;
  addresses: SimAddress[];
  company: SimCompany | null;
  /** Relative share of orders. */
  weight: number;
  /** Usual payment mode (index into PAYMENT_MODES). */
  payment: number;
  lockerShare: number;
  /** Multipliers on the base cancel and return rates (mean about 1 over buyers). */
  cancelFactor: number;
  returnFactor: number;
  /** Chance that a cash-on-delivery parcel is refused or never picked up. */
  codRefusal: number;
  createdMs: number;
};

export type BuyerPool = {
  seed: number;
  companyCount: number;
  buyers: Buyer[];
  /** Running sum of weights, for weighted draws by binary search. */
  cumulative: number[];
  companies: Map<number, SimCompany>;
};

/** Buyers in the pool for a given order history (both accounts together). */
export const poolSizeFor = (orders: number) => Math.max(50, Math.round(orders * 0.8));

/** Share of live orders (feed and control API) placed by a buyer never seen before. */
const NEW_BUYER_SHARE = 0.12;

// Listed names by rank (1/(rank + 12)); generated surnames share 45 % of draws evenly. About a
// fifth of buyers then have a namesake, mostly on the common names.
const ranked = (names: readonly string[], share = 1) => {
  const w = names.map((_, i) => 1 / (i + 12));
  const sum = w.reduce((a, b) => a + b, 0);
  return names.map((n, i) => [n, (w[i]! / sum) * share] as const);
};
const MALE_W = ranked(MALE_NAMES);
const FEMALE_W = ranked(FEMALE_NAMES);
const RARE_SURNAMES = SURNAME_ROOTS.flatMap((r) => [`${r}escu`, `${r}eanu`]);
const LAST_W = [...ranked(LAST_NAMES, 0.55), ...RARE_SURNAMES.map((n) => [n, 0.45 / RARE_SURNAMES.length] as const)];
const PAYMENT_W = PAYMENT_MODES.map((p, i) => [i, p[3]] as const);
// Companies pay by bank transfer or card far more often than private persons.
const COMPANY_PAYMENT_W = [[0, 25], [1, 40], [3, 35]] as const;
const hex = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join("");

// 07[2-8] + 7 digits is 7e7 numbers; random ones would collide between a few of ~5,000 buyers,
// so the index is spread over the range by a multiplier coprime with 7e7 (unique per buyer).
const PHONE_RANGE = 70_000_000;
function phoneFor(seed: number, index: number): string {
  const t = (index * 7_368_787 + (hashSeed(seed, 9) % PHONE_RANGE)) % PHONE_RANGE;
  return `07${2 + Math.floor(t / 10_000_000)}${String(t % 10_000_000).padStart(7, "0")}`;
}

function companyAt(pool: BuyerPool, index: number): SimCompany {
  let c = pool.companies.get(index);
  if (!c) pool.companies.set(index, (c = generateCompany(pool.seed, index)));
  return c;
}

function makeBuyer(pool: BuyerPool, index: number, createdBeforeMs: number, maxAgeDays: number): Buyer {
  const rng = createRng(pool.seed, 7, index);
  const frequent = rng.chance(0.01);
  const weight = frequent ? 25 + rng.next() * 50 : Math.min(8, (1 - rng.next()) ** (-1 / 1.8));
  const female = rng.chance(0.5);
  const name = `${rng.weighted(female ? FEMALE_W : MALE_W)} ${rng.weighted(LAST_W)}`;
  // Several contacts can land on one company index: that company orders through each of them.
  const company = rng.chance(frequent ? 0.25 : 0.06) ? companyAt(pool, rng.int(0, pool.companyCount - 1)) : null;
  const payment = rng.weighted(company ? COMPANY_PAYMENT_W : PAYMENT_W);
  const cod = PAYMENT_MODES[payment]![0] === 1;
  return {
    index,
    id: 2_200_000_000 + index * 1000 + rng.int(0, 999),
    mktId: 66_000_000 + index * 10 + rng.int(0, 9),
    name,
    gender: rng.chance(0.08) ? "" : female ? "F" : "M",
    email: `${hex(rng, 32)}@marketplace.emag.ro`,
    phone: phoneFor(pool.seed, index),
    phoneHabit: rng.weighted(PHONE_HABITS),
    addresses: rng.chance(0.25) ? [randomAddress(rng), randomAddress(rng)] : [randomAddress(rng)],
    company,
    weight,
    payment,
    lockerShare: company ? 0.05 : rng.weighted([[0.05, 45], [0.35, 30], [0.8, 25]] as const),
    cancelFactor: rng.weighted([[0.5, 70], [1.5, 22], [4, 8]] as const),
    returnFactor: rng.weighted([[0.4, 70], [1.5, 22], [5, 8]] as const),
    // The buyers who refuse parcels are the ones who habitually pay cash on delivery.
    codRefusal: cod ? rng.weighted([[0.02, 70], [0.1, 20], [0.45, 10]] as const) : 0.02,
    createdMs: createdBeforeMs - rng.int(0, maxAgeDays) * DAY_MS - rng.int(0, DAY_MS - 1),
  };
}

function push(pool: BuyerPool, buyer: Buyer) {
  pool.buyers.push(buyer);
  pool.cumulative.push((pool.cumulative.at(-1) ?? 0) + buyer.weight);
  return buyer;
}

/** `size` buyers whose eMAG accounts predate the 120-day order history. */
export function createBuyerPool(seed: number, size: number, nowMs: number): BuyerPool {
  // About 6 % of buyers are company contacts; ~0.6 contacts per company index means most
  // companies have one contact and some have two or more.
  const contacts = size * (0.99 * 0.06 + 0.01 * 0.25);
  const pool: BuyerPool = { seed, companyCount: Math.max(3, Math.round(contacts / 0.6)), buyers: [], cumulative: [], companies: new Map() };
  for (let i = 0; i < size; i++) push(pool, makeBuyer(pool, i, nowMs - 120 * DAY_MS, 2500));
  return pool;
}

/** A buyer drawn by weight (the history and returning live buyers). */
export function drawBuyer(pool: BuyerPool, rng: Rng): Buyer {
  const c = pool.cumulative;
  const target = rng.next() * (c.at(-1) ?? 0);
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return pool.buyers[lo]!;
}

/** A buyer for a live order: now and then someone who just registered, joining the pool. */
export function drawLiveBuyer(pool: BuyerPool, rng: Rng, nowMs: number): Buyer {
  if (!rng.chance(NEW_BUYER_SHARE)) return drawBuyer(pool, rng);
  return push(pool, makeBuyer(pool, pool.buyers.length, nowMs, 0));
}
