/** WHERE clauses and keyset cursors for the contacts table; number search is a range scan on the index. */
import type { SqlValue } from 'sql.js';
import type { ContactQuery, ContactSort } from '../../../shared/ipc/desk-types';

export const SORT_COLUMNS: Readonly<Record<ContactSort, string>> = { number: 'number', code: 'code', keyword: 'keyword', status: 'status', verdict: 'verdict' };

/** Digits of a typed number, US-normalised: `+1 (555) 123-0001`, `5551230001` and `15551230001` all give `15551230001`. */
export const numberPrefix = (typed: string): string => {
  const digits = typed.replace(/\D+/g, '');
  if (digits === '') return '';
  if (digits.length === 10 && !digits.startsWith('1')) return `1${digits}`;
  if (!digits.startsWith('1') && digits.length < 10) return `1${digits}`;
  return digits;
};

export function contactWhere(q: ContactQuery): { where: string[]; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const prefix = q.query ? numberPrefix(q.query) : '';
  if (q.query && q.query.trim() !== '' && prefix === '') {
    where.push('0');
  } else if (prefix !== '') {
    // Prefix as a range so the number index is used: [prefix, prefix + ':') (':' sorts after '9').
    where.push('number >= ? and number < ?');
    params.push(prefix, `${prefix}:`);
  }
  if (q.code) { where.push('code = ?'); params.push(q.code); }
  if (q.keyword) { where.push('keyword = ?'); params.push(q.keyword); }
  if (q.status) { where.push('status = ?'); params.push(q.status); }
  if (q.verdict) { where.push('verdict = ?'); params.push(q.verdict); }
  return { where, params };
}

export const encodeCursor = (key: string, id: number): string => JSON.stringify([key, id]);
export const decodeCursor = (cursor: string): { key: string; id: number } | null => {
  try {
    const v: unknown = JSON.parse(cursor);
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isInteger(v[1])) return { key: v[0], id: v[1] as number };
  } catch {
    // fall through: a bad cursor is reported by the service
  }
  return null;
};
