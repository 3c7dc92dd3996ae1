// Legal entities that buy on eMAG through one or more contact persons. A company is generated on
// its own from (seed, index), so every contact that points at the same index sees the same name,
// CUI, bank account and head office.
import { createRng, type Rng } from "../prng";
import { BANKS, COMPANY_FORMS, COMPANY_PREFIXES, COMPANY_TRADES, LOCALITIES, STREETS } from "./people-words";

export type SimAddress = { city: string; county: string; localityId: number; street: string; postalCode: string };

export type SimCompany = {
  index: number;
  name: string;
  /** Bare CUI with its check digit, e.g. "14399840". */
  cui: string;
  /** customer.code as eMAG sends it: "RO" + CUI for VAT payers, the bare CUI otherwise. */
  code: string;
  isVatPayer: 0 | 1;
  registrationNumber: string;
  bank: string;
  iban: string;
  address: SimAddress;
};

export function randomAddress(rng: Rng): SimAddress {
  const [city, county, localityId, zip] = rng.pick(LOCALITIES);
  const flat = rng.chance(0.5) ? `, bl. ${rng.pick(["A", "B", "C", "M"])}${rng.int(1, 30)}, ap. ${rng.int(1, 90)}` : "";
  return { city, county, localityId, street: `${rng.pick(STREETS)} nr. ${rng.int(1, 180)}${flat}`, postalCode: `${zip}${rng.digits(3)}` };
}

/** Romanian CUI check digit: weights 7,5,3,2,1,7,5,3,2 over the body padded to 9 digits. */
export function cuiWithCheckDigit(body: number): string {
  const digits = String(body).padStart(9, "0");
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * [7, 5, 3, 2, 1, 7, 5, 3, 2][i]!, 0);
  return `${body}${((sum * 10) % 11) % 10}`;
}

/** A Romanian IBAN with valid ISO 13616 check digits (mod 97), so validators accept it. */
function iban(rng: Rng, bankCode: string): string {
  const bban = `${bankCode}${rng.digits(16)}`;
  const numeric = `${bban}RO00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = 98n - (BigInt(numeric) % 97n);
  return `RO${String(check).padStart(2, "0")}${bban}`;
}

export function generateCompany(seed: number, index: number): SimCompany {
  const rng = createRng(seed, 8, index);
  // Names are unique per index up to prefixes x trades; a numeral keeps later ones apart.
  const p = COMPANY_PREFIXES.length;
  const combos = p * COMPANY_TRADES.length;
  const lap = Math.floor(index / combos);
  const name = `${COMPANY_PREFIXES[index % p]} ${COMPANY_TRADES[Math.floor(index / p) % COMPANY_TRADES.length]}${lap ? ` ${lap + 1}` : ""} ${rng.pick(COMPANY_FORMS)}`;
  // Index-spaced bodies: two companies never share a CUI.
  const cui = cuiWithCheckDigit(1_000_000 + index * 17 + rng.int(0, 16));
  const isVatPayer = rng.chance(0.8) ? 1 : 0;
  const [bank, bankCode] = rng.pick(BANKS);
  return {
    index,
    name,
    cui,
    code: isVatPayer ? `RO${cui}` : cui,
    isVatPayer,
    registrationNumber: `J${rng.pick(["40", "40", "12", "22", "35", "08", "23"])}/${rng.int(100, 29_999)}/${rng.int(1995, 2024)}`,
    bank,
    iban: iban(rng, bankCode),
    address: randomAddress(rng),
  };
}
