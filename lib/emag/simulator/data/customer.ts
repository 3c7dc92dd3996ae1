// The `customer` object of one order (contract §6.5), built from a pool buyer. What stays the same
// for a buyer: id, mkt_id, email hash, name, company and CUI. What varies per order: the spelling
// of the phone, which of the buyer's addresses it ships to, and `modified`.
import type { Rng } from "../prng";
import { emagTimestamp } from "../time";
import type { Buyer } from "./buyers";

/** Ways buyers type the same mobile number, e.g. 0722123456. */
export const PHONE_SPELLINGS: readonly ((national: string) => string)[] = [
  (d) => `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`, // 0722 123 456
  (d) => `+4${d}`, // +40722123456
  (d) => `004${d}`, // 0040722123456
  (d) => d, // 0722123456
  (d) => `${d.slice(0, 4)}-${d.slice(4, 7)}-${d.slice(7)}`, // 0722-123-456
];
/** [spelling index, share of buyers who usually type it] */
export const PHONE_HABITS = [[3, 45], [0, 20], [1, 20], [2, 8], [4, 7]] as const;

/** A Romanian phone in any of the spellings above as E.164 (+40...), or null when it is not one. */
export function toE164(raw: string): string | null {
  const d = raw.replace(/[^\d+]/g, "").replace(/^\+/, "00");
  const national = d.startsWith("0040") ? d.slice(4) : d.startsWith("40") && d.length === 11 ? d.slice(2) : d.startsWith("0") ? d.slice(1) : null;
  return national && /^\d{9}$/.test(national) ? `+40${national}` : null;
}

export function wireCustomer(rng: Rng, buyer: Buyer, orderTs: string) {
  // Mostly the buyer's habit, sometimes another spelling (a new device, an edited address).
  const spelling = rng.chance(0.65) ? buyer.phoneHabit : rng.int(0, PHONE_SPELLINGS.length - 1);
  const tel = PHONE_SPELLINGS[spelling]!(buyer.phone);
  const home = buyer.addresses.length > 1 && rng.chance(0.3) ? buyer.addresses[1]! : buyer.addresses[0]!;
  const co = buyer.company;
  // Company orders are billed to the head office and often delivered there too.
  const bill = co ? co.address : home;
  const ship = co && rng.chance(0.6) ? co.address : home;
  return {
    id: buyer.id,
    mkt_id: buyer.mktId,
    name: buyer.name,
    company: co?.name ?? buyer.name,
    email: buyer.email,
    gender: buyer.gender,
    code: co?.code ?? "",
    registration_number: co?.registrationNumber ?? "",
    bank: co?.bank ?? "",
    iban: co?.iban ?? "",
    fax: "",
    legal_entity: co ? 1 : 0,
    is_vat_payer: co?.isVatPayer ?? 0,
    liable_person: "",
    phone_1: tel,
    phone_2: "",
    phone_3: "",
    billing_name: co?.name ?? buyer.name,
    billing_phone: tel,
    billing_country: "RO",
    billing_suburb: bill.county,
    billing_city: bill.city,
    billing_locality_id: String(bill.localityId),
    billing_street: bill.street,
    billing_postal_code: bill.postalCode,
    shipping_country: "RO",
    shipping_suburb: ship.county,
    shipping_city: ship.city,
    shipping_locality_id: ship.localityId,
    shipping_street: ship.street,
    shipping_postal_code: ship.postalCode,
    shipping_contact: buyer.name,
    shipping_phone: tel,
    created: emagTimestamp(buyer.createdMs),
    modified: orderTs,
  };
}
