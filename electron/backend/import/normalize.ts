/**
 * Value normalization for the exports: mobile numbers, CST data-view dates, flags and code ids.
 * All functions are pure and allocation-light: they run once per cell on million-row files.
 */

import { daysFromCivil, msToIso } from '../../../shared/rules/iso-time';

/** Data-view dates are Central Standard Time WITHOUT daylight saving: always UTC−6 (rules.md §5). */
export const CST_OFFSET_MINUTES = -6 * 60;

export type NumberResult =
  | { readonly ok: true; readonly number: string; readonly warning?: { code: string; message: string } }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** ASCII digits only, non-empty (a loop: cheaper than a regex test on ~10 M cells per big file). */
export const isAllDigits = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
};

/**
 * Normalized form: digits with country code, no `+` (MobileConnect's own format). Separators
 * `+ ( ) - . space` are stripped. A 10-digit value that looks like a US number WITHOUT the leading 1
 * is KEPT as given (not guessed into 1XXXXXXXXXX: the evidence must not be rewritten) with a warning,
 * so it shows in the load report and stays findable by its digits.
 */
export function normalizeNumber(raw: string): NumberResult {
  let s = raw.trim();
  if (!isAllDigits(s)) {
    if (s === '' || s.toUpperCase() === 'NULL') return { ok: false, code: 'number-missing', message: 'mobile number is empty' };
    s = s.replace(/[\s+()\-.]/g, '');
    if (!isAllDigits(s)) {
      const sci = /^\d(\.\d+)?e\+?\d+$/i.test(raw.trim()) ? ' (looks like a spreadsheet turned it into scientific notation)' : '';
      return { ok: false, code: 'number-not-digits', message: `mobile number contains characters other than digits and + ( ) - . spaces${sci}` };
    }
  }
  if (s.length < 8 || s.length > 15) {
    return { ok: false, code: 'number-length', message: `mobile number has ${s.length} digits; expected 8–15 digits with country code (US: 11)` };
  }
  if (s.length === 10 && s.charCodeAt(0) >= 50) {
    return { ok: true, number: s, warning: { code: 'number-ambiguous', message: 'ambiguous: 10 digits without country code (kept as given; US numbers need the leading 1)' } };
  }
  return { ok: true, number: s };
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const p2 = (n: number): string => (n < 10 ? '0' + n : String(n));

const epochMs = (y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number, offsetMin: number): number =>
  ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi - offsetMin) * 60_000 + sec * 1000 + ms;

/** Fields of the last parseUsFast: y, mo, d, h, mi, sec, pm (0/1), canonical (0/1). Reused: no array per date. */
const us = new Int32Array(8);
/** End position of the last readNum. */
let numEnd = 0;

/** Up to `max` ASCII digits of `s` from `i` (value, or -1 when there are none); sets numEnd. */
function readNum(s: string, i: number, max: number): number {
  let n = 0;
  const end = Math.min(s.length, i + max);
  let k = i;
  for (; k < end; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) break;
    n = n * 10 + c;
  }
  numEnd = k;
  return k === i ? -1 : n;
}

const width = (n: number): number => (n >= 10 ? 2 : 1);

/**
 * Hand-parsed `M/D/YYYY h:mm:ss AM` (the most common export shape) into `us`; false → fall back to
 * the regexes. canonical = written exactly as formatCstUs would write it (no leading zeros).
 */
function parseUsFast(s: string): boolean {
  const mo = readNum(s, 0, 2);
  let canonical = numEnd === width(mo);
  if (mo < 0 || s.charCodeAt(numEnd) !== 47 /* / */) return false;
  let at = numEnd + 1;
  const d = readNum(s, at, 2);
  canonical &&= numEnd - at === width(d);
  if (d < 0 || s.charCodeAt(numEnd) !== 47) return false;
  const y = readNum(s, numEnd + 1, 4);
  if (y < 1000 || s.charCodeAt(numEnd) !== 32 /* space */) return false;
  at = numEnd + 1;
  const h = readNum(s, at, 2);
  canonical &&= numEnd - at === width(h);
  if (h < 0 || s.charCodeAt(numEnd) !== 58 /* : */) return false;
  at = numEnd + 1;
  const mi = readNum(s, at, 2);
  canonical &&= numEnd - at === 2;
  if (mi < 0 || s.charCodeAt(numEnd) !== 58) return false;
  at = numEnd + 1;
  const sec = readNum(s, at, 2);
  canonical &&= numEnd - at === 2;
  if (sec < 0 || s.charCodeAt(numEnd) !== 32) return false;
  // Exactly "AM" or "PM" to the end.
  const a = numEnd + 1;
  if (s.length !== a + 2 || s.charCodeAt(a + 1) !== 77 /* M */) return false;
  const ap = s.charCodeAt(a);
  if (ap !== 65 /* A */ && ap !== 80 /* P */) return false;
  us[0] = y; us[1] = mo; us[2] = d; us[3] = h; us[4] = mi; us[5] = sec; us[6] = ap === 80 ? 1 : 0; us[7] = canonical ? 1 : 0;
  return true;
}

/**
 * Parses an export date to UTC epoch milliseconds (what the workspace stores). No offset in the text
 * → CST (UTC−6, no DST); an explicit ISO offset is honoured. Returns null for an empty/NULL cell and
 * undefined when unreadable.
 */
export function parseExportDateMs(raw: string, out?: { canonical: boolean }): number | null | undefined {
  if (out) out.canonical = false;
  const s = raw.trim();
  if (s === '' || s === 'NULL' || s === 'null') return null;
  let y: number, mo: number, d: number, h = 0, mi = 0, sec = 0, ms = 0;
  let offsetMin = CST_OFFSET_MINUTES;
  if (parseUsFast(s)) {
    y = us[0]!; mo = us[1]!; d = us[2]!; h = us[3]!; mi = us[4]!; sec = us[5]!;
    if (out) out.canonical = us[7] === 1 && s === raw;
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (us[6] === 1 ? 12 : 0);
  } else {
    let m = US_DATE.exec(s);
    if (m) {
      mo = +m[1]!; d = +m[2]!; y = +m[3]!;
      if (m[4] !== undefined) {
        h = +m[4]; mi = +m[5]!; sec = m[6] ? +m[6] : 0; ms = m[7] ? +m[7].padEnd(3, '0').slice(0, 3) : 0;
        const ampm = m[8];
        if (ampm) {
          if (h < 1 || h > 12) return undefined;
          h = (h % 12) + (ampm === 'P' || ampm === 'p' ? 12 : 0);
        }
      }
    } else {
      m = ISO_DATE.exec(s);
      if (!m) return undefined;
      y = +m[1]!; mo = +m[2]!; d = +m[3]!;
      if (m[4] !== undefined) {
        h = +m[4]; mi = +m[5]!; sec = m[6] ? +m[6] : 0; ms = m[7] ? +m[7].padEnd(3, '0').slice(0, 3) : 0;
        const z = m[8];
        if (z === 'Z') offsetMin = 0;
        else if (z) {
          const digits = z.slice(1).replace(':', '');
          offsetMin = (z[0] === '-' ? -1 : 1) * (+digits.slice(0, 2) * 60 + (digits.length > 2 ? +digits.slice(2, 4) : 0));
        }
      }
    }
  }
  if (mo < 1 || mo > 12 || d < 1 || d > DAYS[mo - 1]! || h > 23 || mi > 59 || sec > 59) return undefined;
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return undefined;
  return epochMs(y, mo, d, h, mi, sec, ms, offsetMin);
}

/** parseExportDate as UTC ISO-8601 (`…Z`). */
export function parseExportDate(raw: string, out?: { canonical: boolean }): string | null | undefined {
  const ms = parseExportDateMs(raw, out);
  return ms === null || ms === undefined ? ms : msToIso(ms);
}

/** A stored date (epoch ms; ISO text in workspaces from before schema 2) as UTC ISO-8601, or null. */
export const isoOf = (v: unknown): string | null =>
  typeof v === 'number' ? msToIso(v) : typeof v === 'string' && v !== '' ? v : null;

/**
 * The canonical export rendering of a UTC instant: `M/D/YYYY h:mm:ss AM` in CST. Stored `*_raw` date
 * columns are NULL when the file's text was exactly this (see db/tables.ts): `rawDateText` restores it.
 */
export function formatCstUs(at: string | number): string {
  const d = new Date((typeof at === 'number' ? at : Date.parse(at)) + CST_OFFSET_MINUTES * 60_000);
  const h = d.getUTCHours();
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** The file's original text of a stored date: `raw` when kept, else the canonical rendering of `iso`. */
export const rawDateText = (at: number | string | null, raw: string | null): string | null => raw ?? (at === null ? null : formatCstUs(at));
/** The file's original text of a stored number: `raw` when kept, else the normalized digits (identical). */
export const rawNumberText = (number: string | null, raw: string | null): string | null => raw ?? number;

/** Flags in tracking exports come as 1/0, True/False, Y/N. Undefined = unreadable. */
export function parseFlag(raw: string): boolean | null | undefined {
  const s = raw.trim().toLowerCase();
  if (s === '' || s === 'null') return null;
  if (s === '1' || s === 'true' || s === 'y' || s === 'yes') return true;
  if (s === '0' || s === 'false' || s === 'n' || s === 'no') return false;
  return undefined;
}

/** An id cell: trimmed text, NULL/empty → null (kept as text: no numeric coercion). */
export const idText = (raw: string): string | null => {
  const s = raw.trim();
  return s === '' || s === 'NULL' || s === 'null' ? null : s;
};
