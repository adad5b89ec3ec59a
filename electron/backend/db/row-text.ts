/**
 * How a row's values are laid out for binding: the int/double split is shared by BulkWriter's insert
 * (fast-bind.ts) and the loaders' chunks (import/row-chunk.ts), which must store identical values.
 */
import type { BulkRow } from './tables';

/** The row's strings joined with NULs, for one native UTF-8 encode per row (the NULs end each value); undefined when none. */
export function joinedText(row: BulkRow): string | undefined {
  let joined: string | undefined;
  for (const v of row) if (typeof v === 'string') joined = joined === undefined ? v : `${joined}\u0000${v}`;
  return joined;
}

/** UTF-8 length of one value; `ascii` when the joined encode came out as long as the text (no multi-byte character). */
export const utf8Length = (v: string, ascii: boolean): number => (ascii ? v.length : Buffer.byteLength(v, 'utf8'));

/** Numbers bound with sqlite3_bind_int; every other number binds as a double. */
export const bindsAsInt = (v: number): boolean => Number.isInteger(v) && Math.abs(v) < 2 ** 31;
