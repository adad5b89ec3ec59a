/** What a contacts search asks for, in the verdict table's terms: typed number → digit prefix, filters → stored values, cursors. */
import type { ContactQuery } from '../../../shared/ipc/desk-types';
import { UserError } from '../errors';
import { statusCode, verdictCode } from './desk-codes';

/** Digits of a typed number, US-normalised: `+1 (555) 123-0001`, `5551230001` and `15551230001` all give `15551230001`. */
export const numberPrefix = (typed: string): string => {
  const digits = typed.replace(/\D+/g, '');
  if (digits === '') return '';
  if (digits.length === 10 && !digits.startsWith('1')) return `1${digits}`;
  if (!digits.startsWith('1') && digits.length < 10) return `1${digits}`;
  return digits;
};

export type FilterColumn = 'code' | 'keyword' | 'status' | 'verdict';
export interface Filter {
  readonly col: FilterColumn;
  /** As stored: text for code and keyword, the integer code for status and verdict. */
  readonly value: string | number;
}

export const filtersOf = (q: ContactQuery): Filter[] => {
  const out: Filter[] = [];
  if (q.code !== undefined) out.push({ col: 'code', value: q.code });
  if (q.keyword !== undefined) out.push({ col: 'keyword', value: q.keyword });
  if (q.status !== undefined) out.push({ col: 'status', value: statusCode(q.status) });
  if (q.verdict !== undefined) out.push({ col: 'verdict', value: verdictCode(q.verdict) });
  return out;
};

/** A keyset cursor: the last row's sort value (its id when sorting by number) and its id. */
export interface Cursor {
  readonly key: string | number;
  readonly id: number;
}
export const encodeCursor = (c: Cursor): string => JSON.stringify([c.key, c.id]);
export const decodeCursor = (text: string): Cursor => {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    v = null;
  }
  if (Array.isArray(v) && v.length === 2 && (typeof v[0] === 'string' || Number.isInteger(v[0])) && Number.isInteger(v[1])) {
    return { key: v[0] as string | number, id: v[1] as number };
  }
  throw new UserError('bad-input', 'the page cursor is not one this search returned');
};
