// Static reference data: categories (with templates on single reads), VAT rates, handling
// times, courier accounts and seller addresses.
import { CATEGORIES, ROOT_CATEGORIES } from "./catalog-words";

export const VAT_RATES = [
  { vat_id: 9, vat_rate: 0.21, is_default: 1 },
  { vat_id: 2, vat_rate: 0.11, is_default: 0 },
  { vat_id: 3, vat_rate: 0, is_default: 0 },
];

export const HANDLING_TIMES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 30, 45, 60, 90].map((value) => ({ value }));

/** Root categories are listed but not allowed for offers; leaves carry the characteristics. */
export const CATEGORY_LIST = [
  ...ROOT_CATEGORIES.map((c) => ({ id: c.id, name: c.name, is_allowed: 0, parent_id: null, is_ean_mandatory: 0, is_warranty_mandatory: 0 })),
  ...CATEGORIES.map((c) => ({ id: c.id, name: c.name, is_allowed: 1, parent_id: c.parent_id, is_ean_mandatory: c.vat_id === 2 ? 0 : 1, is_warranty_mandatory: c.vat_id === 2 ? 0 : 1 })),
].sort((a, b) => a.id - b.id);

export function categoryTemplate(id: number) {
  const base = CATEGORY_LIST.find((c) => c.id === id);
  if (!base) return undefined;
  const seed = CATEGORIES.find((c) => c.id === id);
  const characteristics = [
    { id: 6506, name: "Mărime", type_id: 60, display_order: 1, is_mandatory: 0, is_filter: 1, allow_new_value: 0, values: [], tags: ["original", "converted"] },
    ...(seed?.attrs ?? []).map((values, i) => ({
      id: 7000 + id * 10 + i,
      name: ["Caracteristica principală", "Capacitate", "Model", "Tehnologie", "Culoare"][i] ?? `Caracteristica ${i + 1}`,
      type_id: 11,
      display_order: i + 2,
      is_mandatory: i === 0 ? 1 : 0,
      is_filter: 1,
      allow_new_value: 1,
      values: [...values],
      tags: [],
    })),
  ];
  const familyTypes = seed ? [{ id: 900 + id, name: `${seed.name} - variante`, characteristics: [{ characteristic_id: characteristics[1]?.id ?? 6506, characteristic_family_type_id: 2, is_foldable: 0, display_order: 1 }] }] : [];
  return { ...base, characteristics, family_types: familyTypes };
}

export const COURIER_ACCOUNTS = [
  { account_id: 1201, account_display_name: "Sameday - cont principal", courier_account_type: 3, courier_name: "Sameday", courier_account_properties: [0, 2], created: "2023-03-14 10:21:09", status: 1, pickup_country_code: "RO" },
  { account_id: 1202, account_display_name: "FAN Courier - colete", courier_account_type: 2, courier_name: "FAN Courier", courier_account_properties: [0, 6], created: "2023-05-02 09:00:41", status: 1, pickup_country_code: "RO" },
  { account_id: 1203, account_display_name: "Cargus - retururi", courier_account_type: 1, courier_name: "Cargus", courier_account_properties: [0], created: "2024-01-18 16:45:12", status: 1, pickup_country_code: "RO" },
];

export const ADDRESSES = [
  { address_id: "4410021", country_id: 1, country_code: "RO", address_type_id: 2, locality_id: 6301, suburb: "Ilfov", city: "Voluntari", address: "Str. Industriilor nr. 10, Hala 3", zipcode: "077190", quarter: null, floor: null, is_default: true },
  { address_id: "4410022", country_id: 1, country_code: "RO", address_type_id: 1, locality_id: 6301, suburb: "Ilfov", city: "Voluntari", address: "Str. Industriilor nr. 10, Rampa retur", zipcode: "077190", quarter: null, floor: null, is_default: true },
  { address_id: "4410023", country_id: 1, country_code: "RO", address_type_id: 3, locality_id: 8801, suburb: "București", city: "București, Sector 1", address: "Calea Victoriei nr. 155, et. 4", zipcode: "010073", quarter: null, floor: "4", is_default: true },
];
