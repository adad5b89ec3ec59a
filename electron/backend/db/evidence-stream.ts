/**
 * Every number's evidence rows in number order, for the verdict table: one cursor per number table
 * walking its number index, merged in JS. A pass over the whole workspace reads each row once, without
 * a query per table per batch. A number's few rows are put in EVIDENCE_ORDER in JS afterwards
 * (db/evidence-batch.ts), because SQLite's per-number sort ("TEMP B-TREE FOR LAST TERMS OF ORDER BY")
 * cost ~3 µs a row at 1M rows.
 */
import type { SqlValue, Statement } from 'sql.js';
import { columnReader, SQLITE_BLOB, SQLITE_FLOAT, SQLITE_INTEGER, SQLITE_TEXT, type ColumnReader } from './column-bytes';
import { before, packTexts, PlainValues, ValuePacker, type RawEvidence, type SourceNames } from './evidence-batch';
import type { EvidenceTable } from './queries';
import { NUMBER_TABLES } from './schema';
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

interface Cursor {
  readonly table: EvidenceTable;
  readonly st: Statement;
  readonly cols: readonly string[];
  readonly keep: boolean;
  /** The statement's pointer when rows are read from the heap (column-bytes.ts). */
  readonly handle: number | undefined;
  /** The current row's values (number first); ON_ROW: read from the statement when taken; null when the cursor is exhausted. */
  head: SqlValue[] | typeof ON_ROW | null;
  number: string;
}

/** The cursor's row is read from its statement (still on it) when the row is taken. */
const ON_ROW = true;

/** Rows the stream will read in all (for progress estimates). */
export const evidenceRowCount = (ws: Workspace): number =>
  NUMBER_TABLES.reduce((n, t) => n + Number(ws.scalar(`SELECT COUNT(*) FROM ${t} WHERE number IS NOT NULL`)), 0);

export class EvidenceStream {
  /** Rows read so far. */
  rowsRead = 0;
  /** File name and hash per source id, for `evidenceBatch` (db/evidence-batch.ts). */
  readonly sources: SourceNames;
  private readonly cursors: Cursor[];
  private readonly reader: ColumnReader | undefined;
  private closed = false;

  constructor(ws: Workspace) {
    this.sources = new Map(ws.all('SELECT id, file_name, sha256 FROM sources').map((r) => [Number(r.id), { file_name: r.file_name ?? null, sha256: r.sha256 ?? null }]));
    this.reader = columnReader(ws);
    this.cursors = NUMBER_TABLES.map((table) => {
      const keep = COLUMNS[table].length > 0;
      const cols = keep ? ['number', 'source_id', 'line', ...COLUMNS[table]] : ['number'];
      // Own statements (not ws.prepare's cache): they stay open across the build's yields.
      const sqlText = `SELECT ${cols.map((c) => `t.${c}`).join(', ')} FROM ${table} t WHERE t.number IS NOT NULL ORDER BY t.number`;
      const st = ws.db.prepare(sqlText);
      const c: Cursor = { table, st, cols, keep, handle: this.reader?.handle(st, sqlText), head: null, number: '' };
      this.advance(c);
      return c;
    });
  }

  /**
   * The next `max` numbers (fewer at the end, none when done) and their rows, as read (evidence-batch.ts);
   * `packed` for a batch that goes to the verdict worker.
   */
  next(max: number, packed: boolean): { count: number; raw: RawEvidence } {
    const numbers: string[] = [];
    const kept = this.cursors.filter((c) => c.keep);
    const slotOf = this.cursors.map((c) => kept.indexOf(c)); // -1 for a cursor whose rows are not kept
    const counts = kept.map((): number[] => []);
    const values = kept.map(() => (packed ? new ValuePacker() : new PlainValues()));
    while (numbers.length < max) {
      let min: string | null = null;
      for (const c of this.cursors) if (c.head && (min === null || before(c.number, min))) min = c.number;
      if (min === null) break;
      numbers.push(min);
      for (const [i, c] of this.cursors.entries()) {
        if (!c.head || c.number !== min) continue;
        const k = slotOf[i]!;
        let count = 0;
        while (c.head && c.number === min) {
          if (k >= 0) this.take(c, values[k]!);
          count++;
          this.advance(c);
        }
        if (k >= 0) counts[k]!.push(count);
      }
    }
    const tables = kept.map((c, k) => ({ table: c.table, cols: c.cols, counts: Uint32Array.from(counts[k]!), values: values[k]!.pack() }));
    return { count: numbers.length, raw: { numbers: packed ? packTexts(numbers) : numbers, tables } };
  }

  /** Frees the cursors; safe to call twice. */
  close(): void {
    if (!this.closed) for (const c of this.cursors) c.st.free();
    this.closed = true;
  }

  private advance(c: Cursor): void {
    if (!c.st.step()) {
      c.head = null;
      return;
    }
    this.rowsRead++;
    if (c.handle !== undefined) {
      c.head = ON_ROW;
      const api = this.reader!.api;
      c.number = api.UTF8ToString(api._sqlite3_column_text(c.handle, 0)); // NUL-terminated
    } else {
      c.head = c.st.get();
      c.number = String(c.head[0]);
    }
  }

  /** The cursor's row into a batch: for the worker, each column as stored (no string made), else as `get()` gives it. */
  private take(c: Cursor, into: ValuePacker | PlainValues): void {
    if (c.head !== ON_ROW) {
      for (const v of c.head!) into.push(v);
      return;
    }
    if (!(into instanceof ValuePacker)) {
      for (const v of c.st.get()) into.push(v);
      return;
    }
    const { api, heap } = this.reader!;
    const h = c.handle!;
    for (let i = 0; i < c.cols.length; i++) {
      const type = api._sqlite3_column_type(h, i);
      if (type === SQLITE_INTEGER || type === SQLITE_FLOAT) into.pushNumber(api._sqlite3_column_double(h, i));
      else if (type === SQLITE_TEXT) {
        const ptr = api._sqlite3_column_text(h, i); // before column_bytes (SQLite's rule); may allocate, so the heap is read after
        into.pushTextBytes(heap(), ptr, api._sqlite3_column_bytes(h, i));
      } else if (type === SQLITE_BLOB) into.push(c.st.get()[i]!); // never stored by OptTrace; as get() gives it
      else into.pushNull();
    }
  }
}
