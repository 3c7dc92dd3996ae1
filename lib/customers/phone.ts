// Phone numbers as eMAG buyers type them -> E.164 ("+40722123456"), so three spellings of one
// number become one identity key. Romanian numbers may come with or without a prefix; a foreign
// number is only accepted with "+" or "00", since without one its country cannot be told.

/** Digits and the separators people type; anything else (letters, commas, "ext") is junk. */
const ALLOWED = /^\+?[\d\s().\-/]+$/;
/** Romanian national significant number: 9 digits, 2x/3x landline or 7x mobile. */
const RO_NSN = /^[237]\d{8}$/;
/** E.164: country code first digit 1-9, at most 15 digits; 8 is the shortest real foreign number we accept. */
const INTL = /^[1-9]\d{7,14}$/;

/** "0700 000 000", "0777 777 777": every digit after the first one the same is a placeholder. */
const isPlaceholder = (subscriber: string) => /^(\d)\1*$/.test(subscriber.slice(1));

/**
 * E.164 form of a phone number, or null when it is not one.
 *
 * Romanian: `0722 123 456`, `(0722) 123456`, `0722-123-456`, `40722123456`, `+40722123456`,
 * `0040722123456`, `+40 (0)722 123 456` and a bare `722123456` all give `+40722123456`.
 * Foreign: `+359 88 123 4567` and `00359881234567` give `+359881234567`.
 */
export function normalizePhone(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  let hit = memo.get(raw);
  if (hit === undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(raw, (hit = normalize(raw)));
  }
  return hit;
}

/** normalizePhone is pure and a rebuild or a page meets the same spellings again and again. */
const MEMO_SIZE = 200_000;
const memo = new Map<string, string | null>();

function normalize(raw: string): string | null {
  const s = raw.trim();
  if (!s || !ALLOWED.test(s)) return null;
  const digits = s.replace(/\D/g, "");
  let intl: string;
  if (s.startsWith("+")) intl = digits;
  else if (digits.startsWith("00")) intl = digits.slice(2);
  else if (digits.startsWith("40") && digits.length === 11) intl = digits;
  else if (digits.startsWith("0") && digits.length === 10) intl = `40${digits.slice(1)}`;
  else if (digits.length === 9) intl = `40${digits}`;
  else return null;
  // "+40 (0)722 ...": the national trunk 0 written after the country code.
  if (intl.startsWith("400") && intl.length === 12) intl = `40${intl.slice(3)}`;
  if (intl.startsWith("40")) {
    const nsn = intl.slice(2);
    return RO_NSN.test(nsn) && !isPlaceholder(nsn) ? `+${intl}` : null;
  }
  // Skip a 1-3 digit country code roughly: what follows it must not be a placeholder either.
  return INTL.test(intl) && !isPlaceholder(intl.slice(2)) ? `+${intl}` : null;
}
