// VAT rates by eMAG vat_id, for showing VAT-inclusive prices next to eMAG's ex-VAT ones. eMAG's
// vat/read is the source (contract §5.7); these are the Romanian ids it returns (vat_id 9 = 21 %
// since the 2025 change), used until an account's list has been read.
const RATES = new Map<number, number>([
  [9, 0.21],
  [2, 0.11],
  [3, 0],
]);

/** Learns an account's rates from vat/read (rates seen as fractions or as percents). */
export function learnVatRates(items: { vat_id: number; vat_rate: number }[]) {
  for (const v of items) RATES.set(v.vat_id, v.vat_rate > 1 ? v.vat_rate / 100 : v.vat_rate);
}

export const vatRateOf = (vatId: number | null | undefined): number | null => (vatId == null ? null : (RATES.get(vatId) ?? null));

/** The VAT-inclusive price, to 2 decimals (what a buyer sees). */
export const withVat = (exVat: number | null, rate: number | null) => (exVat === null || rate === null ? null : Math.round(exVat * (1 + rate) * 100) / 100);
