// VAT rates by eMAG vat_id, for showing VAT-inclusive prices next to eMAG's ex-VAT ones (and for
// rounding bulk prices on what the buyer sees). These are the Romanian ids eMAG's vat/read returns
// (contract §5.7; vat_id 9 = 21 % since the 2025 change). An unknown id shows no VAT price.
const RATES = new Map<number, number>([
  [9, 0.21],
  [2, 0.11],
  [3, 0],
]);

export const vatRateOf = (vatId: number | null | undefined): number | null => (vatId == null ? null : (RATES.get(vatId) ?? null));

/** The VAT-inclusive price, to 2 decimals (what a buyer sees). */
export const withVat = (exVat: number | null, rate: number | null) => (exVat === null || rate === null ? null : Math.round(exVat * (1 + rate) * 100) / 100);
