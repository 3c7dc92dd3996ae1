// Masking of personal data for roles without `customers.pii`: phone numbers and company identifiers
// (CUI, registration number, bank, IBAN). Applied to every response and export at the edge, after
// any cache, so one cached value serves every role. Names stay visible: a viewer needs them to work.
import { can, type Role } from "@/lib/auth/permissions";
import type { CustomerCompany, CustomerDetail, CustomerSummaryRow } from "./api-types";

/** Whether this role sees phones and company identifiers unmasked. */
export const seesPii = (role: Role) => can(role, "customers.pii");

/** `+40722123456` -> `+40 7** *** 456`; another E.164 keeps its first 2 and last 3 digits; anything else its last 3. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const ro = /^\+40(\d)\d{5}(\d{3})$/.exec(phone);
  if (ro) return `+40 ${ro[1]}** *** ${ro[2]}`;
  const intl = /^\+(\d{2})(\d+)(\d{3})$/.exec(phone);
  if (intl) return `+${intl[1]} ${"*".repeat(intl[2]!.length)} ${intl[3]}`;
  return maskTail(phone, 3);
}

/** Every letter and digit but the last `keep` becomes `*` (separators stay, so the shape is recognisable). */
export function maskTail(value: string | null, keep = 2): string | null {
  if (!value) return value;
  let visible = 0;
  const chars = [...value];
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!/[\p{L}\p{N}]/u.test(chars[i]!)) continue;
    if (visible < keep) visible++;
    else chars[i] = "*";
  }
  return chars.join("");
}

/** `RO49AAAA1B31007593840000` -> `RO** **** … 0000`: country and last 4 only. */
export function maskIban(iban: string | null): string | null {
  if (!iban) return iban;
  const compact = iban.replace(/\s/g, "");
  return compact.length <= 6 ? "*".repeat(compact.length) : `${compact.slice(0, 2)}** **** … ${compact.slice(-4)}`;
}

export const maskCompany = (c: CustomerCompany | null): CustomerCompany | null =>
  c && { ...c, cui: maskTail(c.cui), registration_number: maskTail(c.registration_number), bank: c.bank ? "***" : c.bank, iban: maskIban(c.iban) };

export function maskSummaryRow<R extends CustomerSummaryRow>(row: R, pii: boolean): R {
  if (pii) return row;
  return { ...row, phone: maskPhone(row.phone), company_cui: maskTail(row.company_cui), pii_masked: true };
}

export function maskDetail(d: CustomerDetail, pii: boolean): CustomerDetail {
  if (pii) return d;
  return {
    ...maskSummaryRow(d, false),
    phones: d.phones.map((p) => maskPhone(p)!),
    company: maskCompany(d.company),
    contacts: d.contacts.map((c) => ({ ...c, phone: maskPhone(c.phone) })),
  };
}
