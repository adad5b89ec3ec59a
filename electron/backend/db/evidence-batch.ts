/**
 * A batch of evidence rows as the stream reads them (db/evidence-stream.ts): per table, its columns
 * once and every row's values in one flat array, grouped by number. Flat arrays of plain values cost a
 * structured clone far less than row objects (each object clones its keys again), which matters when
 * the batch goes to the verdict worker. `evidenceBatch` turns it into the rows reconstruction reads —
 * with the citing file's name and hash, each number's rows in evidence order — in whichever thread
 * computes the batch. Pure: no workspace, no SQLite.
 */
import type { SqlValue } from 'sql.js';
import type { EvidenceBatch, EvidenceTable, Row } from './queries';

export interface RawTable {
  readonly table: EvidenceTable;
  /** Column names; every row has exactly these values, in this order. */
  readonly cols: readonly string[];
  /** Numbers in batch order, and how many rows each has (parallel arrays). */
  readonly numbers: string[];
  readonly counts: number[];
  /** All rows' values, row after row (cols.length each). */
  readonly values: SqlValue[];
}

export interface RawEvidence {
  readonly tables: readonly RawTable[];
}

/** The file name and hash of each source id, for citations. */
export type SourceNames = ReadonlyMap<number, { readonly file_name: SqlValue; readonly sha256: SqlValue }>;

/** EVIDENCE_ORDER (queries.ts) in JS: the leading date where there is one, then file and line. */
const DATE_KEY: Partial<Record<EvidenceTable, (r: Row) => SqlValue>> = {
  subscription_log: (r) => r.log_at ?? r.opt_out_at ?? r.opt_in_at ?? null,
  messages: (r) => r.created_at ?? null,
};

/** SQLite's BINARY order (UTF-8 bytes) on JS strings: UTF-16 order, except that surrogates sort last. */
const unit = (c: number): number => (c >= 0xd800 && c < 0xe000 ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c);
export function before(a: string, b: string): boolean {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unit(x) < unit(y);
  }
  return a.length < b.length;
}

/** SQLite's ORDER BY on two values: NULL, then numbers, then text (BINARY); blobs never occur here. */
const rank = (v: SqlValue): number => (v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3);
function compare(a: SqlValue, b: SqlValue): number {
  const d = rank(a) - rank(b);
  if (d !== 0 || a === b) return d;
  if (typeof a === 'number') return a - (b as number);
  if (typeof a === 'string') return before(a, b as string) ? -1 : 1;
  return 0;
}

const inEvidenceOrder = (table: EvidenceTable, rows: Row[]): Row[] => {
  const date = DATE_KEY[table];
  return rows.sort((a, b) => (date ? compare(date(a), date(b)) : 0) || compare(a.source_id!, b.source_id!) || compare(a.line!, b.line!));
};

export function evidenceBatch(raw: RawEvidence, sources: SourceNames): EvidenceBatch {
  const batch = new Map<EvidenceTable, Map<string, Row[]>>();
  for (const t of raw.tables) {
    const byNumber = new Map<string, Row[]>();
    const width = t.cols.length;
    let v = 0;
    for (let g = 0; g < t.numbers.length; g++) {
      const list: Row[] = [];
      for (let k = 0; k < t.counts[g]!; k++, v += width) {
        const row: Row = {};
        for (let i = 0; i < width; i++) row[t.cols[i]!] = t.values[v + i] ?? null;
        const src = sources.get(Number(row.source_id));
        row.file_name = src?.file_name ?? null;
        row.sha256 = src?.sha256 ?? null;
        list.push(row);
      }
      byNumber.set(t.numbers[g]!, list.length > 1 ? inEvidenceOrder(t.table, list) : list);
    }
    batch.set(t.table, byNumber);
  }
  return batch;
}
