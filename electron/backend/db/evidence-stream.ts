/**
 * Every number's evidence rows in number order, for the verdict table: one cursor per number table
 * walking its number index, merged in JS. A pass over the whole workspace reads each row once, without
 * a query per table per batch; a number's few rows are put in EVIDENCE_ORDER here, because SQLite's
 * per-number sort ("TEMP B-TREE FOR LAST TERMS OF ORDER BY") cost ~3 µs a row at 1M rows.
 */
import type { SqlValue, Statement } from 'sql.js';
import { NUMBER_TABLES } from './schema';
import { type EvidenceTable, type Row } from './queries';
import type { Workspace } from './workspace';

/**
 * The columns history/ reads (with source_id and line for citations). The verdict-index test compares
 * the table with reconstructions from `SELECT *`, so a column missing here shows up there.
 * import_rows only contributes its numbers: nothing in history/ reads its rows.
 */
const COLUMNS: Record<(typeof NUMBER_TABLES)[number], readonly string[]> = {
  subscription_log: ['definition_id', 'subscriber_key', 'opt_in_status_id', 'opt_in_method_id', 'opt_in_at', 'opt_out_status_id', 'opt_out_method_id', 'opt_out_at', 'log_at'],
  messages: ['keyword_id', 'code_id', 'shared_keyword', 'short_code', 'message_text', 'inbound', 'outbound', 'sent', 'delivered', 'created_at', 'subscriber_key', 'jb_definition_id'],
  subscriptions: ['origin', 'definition_id', 'keyword', 'opt_in_status_id', 'opt_in_method_id', 'opt_in_at', 'opt_out_status_id', 'opt_out_method_id', 'opt_out_at'],
  contacts: ['status_id'],
  undeliverable: ['undeliverable', 'hold_at'],
  import_rows: [],
};

/** EVIDENCE_ORDER (queries.ts) in JS: the leading date where there is one, then file and line. */
const DATE_KEY: Partial<Record<EvidenceTable, (r: Row) => SqlValue>> = {
  subscription_log: (r) => r.log_at ?? r.opt_out_at ?? r.opt_in_at ?? null,
  messages: (r) => r.created_at ?? null,
};

/** A number's rows per table, as `rowsForNumber` serves them. */
export type EvidenceBatch = Map<EvidenceTable, Map<string, Row[]>>;

interface Cursor {
  readonly table: EvidenceTable;
  readonly st: Statement;
  readonly cols: readonly string[];
  readonly keep: boolean;
  /** The current row's values (number first), or null when the cursor is exhausted. */
  head: SqlValue[] | null;
  number: string;
}

/** SQLite's BINARY order (UTF-8 bytes) on JS strings: UTF-16 order, except that surrogates sort last. */
const unit = (c: number): number => (c >= 0xd800 && c < 0xe000 ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c);
function before(a: string, b: string): boolean {
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

/** Rows the stream will read in all (for progress estimates). */
export const evidenceRowCount = (ws: Workspace): number =>
  NUMBER_TABLES.reduce((n, t) => n + Number(ws.scalar(`SELECT COUNT(*) FROM ${t} WHERE number IS NOT NULL`)), 0);

export class EvidenceStream {
  /** Rows read so far. */
  rowsRead = 0;
  private readonly cursors: Cursor[];
  private closed = false;
  private readonly sources: Map<number, Row>;

  constructor(ws: Workspace) {
    this.sources = new Map(ws.all('SELECT id, file_name, sha256 FROM sources').map((r) => [Number(r.id), r]));
    this.cursors = NUMBER_TABLES.map((table) => {
      const keep = COLUMNS[table].length > 0;
      const cols = keep ? ['number', 'source_id', 'line', ...COLUMNS[table]] : ['number'];
      // Own statements (not ws.prepare's cache): they stay open across the build's yields.
      const st = ws.db.prepare(`SELECT ${cols.map((c) => `t.${c}`).join(', ')} FROM ${table} t WHERE t.number IS NOT NULL ORDER BY t.number`);
      const c: Cursor = { table, st, cols, keep, head: null, number: '' };
      this.advance(c);
      return c;
    });
  }

  /** The next `max` numbers (fewer at the end, none when done) and their rows. */
  next(max: number): { numbers: string[]; rows: EvidenceBatch } {
    const numbers: string[] = [];
    const rows: EvidenceBatch = new Map(this.cursors.filter((c) => c.keep).map((c) => [c.table, new Map<string, Row[]>()]));
    while (numbers.length < max) {
      let min: string | null = null;
      for (const c of this.cursors) if (c.head && (min === null || before(c.number, min))) min = c.number;
      if (min === null) break;
      numbers.push(min);
      for (const c of this.cursors) {
        if (!c.head || c.number !== min) continue;
        const list: Row[] = [];
        while (c.head && c.number === min) {
          if (c.keep) list.push(this.row(c));
          this.advance(c);
        }
        if (c.keep) rows.get(c.table)!.set(min, list.length > 1 ? inEvidenceOrder(c.table, list) : list);
      }
    }
    return { numbers, rows };
  }

  /** Frees the cursors; safe to call twice. */
  close(): void {
    if (!this.closed) for (const c of this.cursors) c.st.free();
    this.closed = true;
  }

  private advance(c: Cursor): void {
    c.head = c.st.step() ? c.st.get() : null;
    if (c.head) {
      c.number = String(c.head[0]);
      this.rowsRead++;
    }
  }

  private row(c: Cursor): Row {
    const values = c.head!;
    const row: Row = {};
    for (let i = 0; i < c.cols.length; i++) row[c.cols[i]!] = values[i] ?? null;
    const src = this.sources.get(Number(row.source_id));
    row.file_name = src?.file_name ?? null;
    row.sha256 = src?.sha256 ?? null;
    return row;
  }
}
