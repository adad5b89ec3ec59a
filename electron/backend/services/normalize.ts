/**
 * Interim value normalisation (rules.md §5) until the loader's importers land: mobile numbers to
 * digits with country code, and export dates (CST, fixed UTC−6, when no offset is given) to UTC.
 */
export const CST_OFFSET_MINUTES = -6 * 60;

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export function normalizeNumber(raw: string): Parsed<string> {
  const v = raw.trim();
  if (v === '') return { ok: false, reason: 'the mobile number is empty' };
  if (!/^\+?[\d\s().-]+$/.test(v)) return { ok: false, reason: 'the mobile number contains characters other than digits' };
  const digits = v.replace(/\D+/g, '');
  if (digits.length === 10) return { ok: false, reason: 'a 10-digit number has no country code (US numbers need the leading 1)' };
  if (digits.length < 11 || digits.length > 15) return { ok: false, reason: `a mobile number has 11 to 15 digits with its country code, this one has ${digits.length}` };
  return { ok: true, value: digits };
}

const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])$/;
const SQL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

const fromCst = (y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0): number | null => {
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms) - CST_OFFSET_MINUTES * 60_000;
  const back = new Date(t + CST_OFFSET_MINUTES * 60_000);
  return back.getUTCDate() === d && back.getUTCMonth() === mo - 1 && h < 24 && mi < 60 && s < 60 ? t : null;
};

/** Epoch ms of an export date; dates without offset are Central Standard Time (UTC−6, no DST). */
export function parseExportDate(raw: string): Parsed<number> {
  const v = raw.trim();
  if (v === '') return { ok: false, reason: 'the date is empty' };
  let m = US.exec(v);
  if (m) {
    let h = Number(m[4]);
    if (h < 1 || h > 12) return { ok: false, reason: `"${v}" is not a date (hour ${h})` };
    const pm = m[7]!.toUpperCase() === 'PM';
    h = (h % 12) + (pm ? 12 : 0);
    const t = fromCst(Number(m[3]), Number(m[1]), Number(m[2]), h, Number(m[5]), Number(m[6] ?? 0));
    return t === null ? { ok: false, reason: `"${v}" is not a real date` } : { ok: true, value: t };
  }
  m = SQL.exec(v);
  if (m) {
    const t = fromCst(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3)));
    return t === null ? { ok: false, reason: `"${v}" is not a real date` } : { ok: true, value: t };
  }
  if (ISO.test(v)) {
    const t = Date.parse(v);
    if (Number.isFinite(t)) return { ok: true, value: t };
  }
  return { ok: false, reason: `"${v}" is not a date in a known export shape (M/D/YYYY h:mm:ss AM, YYYY-MM-DD hh:mm:ss, ISO-8601)` };
}

/** ISO-8601 with offset, in UTC. */
export const isoUtc = (ms: number): string => new Date(ms).toISOString();

/** "2025-04-23 09:05:00 CST" (fixed UTC−6, as MobileConnect data views show it). */
export const cstText = (ms: number): string => `${new Date(ms + CST_OFFSET_MINUTES * 60_000).toISOString().slice(0, 19).replace('T', ' ')} CST`;
export const utcText = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
