/**
 * Every number's evidence rows in number order, for the verdict table: one cursor per number table
 * walking its number index, merged in JS. A pass over the whole workspace reads each row once, without
 * a query per table per batch. A number's few rows are put in EVIDENCE_ORDER in JS afterwards
 * (db/evidence-batch.ts), because SQLite's per-number sort ("TEMP B-TREE FOR LAST TERMS OF ORDER BY")
 * cost ~3 µs a row at 1M rows.
 */
import type { SqlValue, Statement } from 'sql.js';
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
  /** The current row's values (number first), or null when the cursor is exhausted. */
  head: SqlValue[] | null;
  number: string;
}

/** Rows the stream will read in all (for progress estimates). */
export const evidenceRowCount = (ws: Workspace): number =>
  NUMBER_TABLES.reduce((n, t) => n + Number(ws.scalar(`SELECT COUNT(*) FROM ${t} WHERE number IS NOT NULL`)), 0);

export class EvidenceStream {
  /** Rows read so far. */
  rowsRead = 0;
  /** File name and hash per source id, for `evidenceBatch` (db/evidence-batch.ts). */
  readonly sources: SourceNames;
  private readonly cursors: Cursor[];
  private closed = false;

  constructor(ws: Workspace) {
    this.sources = new Map(ws.all('SELECT id, file_name, sha256 FROM sources').map((r) => [Number(r.id), { file_name: r.file_name ?? null, sha256: r.sha256 ?? null }]));
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
          if (k >= 0) for (const v of c.head) values[k]!.push(v);
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
    c.head = c.st.step() ? c.st.get() : null;
    if (c.head) {
      c.number = String(c.head[0]);
      this.rowsRead++;
    }
  }
}
