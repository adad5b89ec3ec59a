/**
 * Inserts a RowChunk (import/row-chunk.ts) made by the parse worker: the chunk's text bytes are copied
 * into the wasm heap once, and every text value is bound SQLITE_STATIC as a pointer into that block,
 * so the thread that owns SQLite only binds, steps and resets.
 */
import type { RowChunk } from '../import/row-chunk';
import { DOUBLE_CELL, INT_CELL, NULL_CELL, recordStarts } from '../import/row-chunk';
import { insertSql } from './bulk';
import { lowLevel, statementHandle, type LowLevelApi } from './fast-bind';
import { BULK_TABLES, type BulkTable } from './tables';
import type { Workspace } from './workspace';

const SQLITE_DONE = 101;
const SQLITE_STATIC = 0;
/**
 * Runs of this many records for one table go in through one multi-row INSERT: one step and reset per
 * group, and SQLite opens the table's and its indexes' cursors once per group instead of once per row.
 * Measured on the 1M-row log with its number index: 13 % less main-thread insert time (4.62 s against
 * 5.31 s, four alternating pairs); 32 and 128 were no better than 64.
 */
export const INSERT_GROUP = 64;

export class ChunkInserter {
  private readonly singleTexts: string[];
  private readonly groupTexts: string[];
  /** Columns per table: a record of exactly this many values can join a group. */
  private readonly widths: Int32Array;
  private block = 0;
  private blockBytes = 0;
  private chunk: RowChunk | undefined;
  /** Where each record of the chunk starts, in insertion order (recordStarts). */
  private starts: Int32Array = new Int32Array(0);
  private record = 0;
  /**
   * Per statement, per parameter: 1 while it is known to hold NULL. SQLite keeps a statement's
   * bindings across resets, and most rows leave the same columns empty (raw dates in the canonical
   * form, extras), so a NULL already bound is not bound again: ~8 wasm calls fewer per log row.
   */
  private readonly singleNull: Uint8Array[];
  private readonly groupNull: Uint8Array[];

  private constructor(
    private readonly ws: Workspace,
    private readonly api: LowLevelApi,
    tables: readonly BulkTable[],
  ) {
    this.singleTexts = tables.map((t) => insertSql(t));
    this.groupTexts = tables.map((t) => insertSql(t, INSERT_GROUP));
    this.widths = Int32Array.from(tables, (t) => BULK_TABLES[t].length);
    this.singleNull = tables.map((t) => new Uint8Array(BULK_TABLES[t].length + 1));
    this.groupNull = tables.map((t) => new Uint8Array(BULK_TABLES[t].length * INSERT_GROUP + 1));
  }

  /** False when this sql.js build lacks the low-level exports (then load in-thread, with Statement.bind). */
  static supported(ws: Workspace): boolean {
    return lowLevel(ws.sqlModule) !== undefined;
  }

  /** `tables[i]` receives the chunk records tagged i; undefined when this sql.js build lacks the low-level exports. */
  static create(ws: Workspace, tables: readonly BulkTable[]): ChunkInserter | undefined {
    const api = lowLevel(ws.sqlModule);
    return api ? new ChunkInserter(ws, api, tables) : undefined;
  }

  /** Starts on a chunk: its text bytes go into the wasm block (grown, never shrunk, until free()). */
  start(chunk: RowChunk): void {
    const n = chunk.bytes.length;
    if (n > this.blockBytes) {
      const size = Math.max(n, this.blockBytes * 2, 1 << 20);
      this.free();
      this.block = this.api._malloc(size);
      this.blockBytes = size;
      if (!this.block) throw new Error('insert failed: out of wasm memory for the row block');
    }
    if (n > 0) this.api.writeArrayToMemory(chunk.bytes, this.block);
    this.chunk = chunk;
    this.starts = recordStarts(chunk);
    this.record = 0;
  }

  /** Inserts records until the chunk ends (true) or `deadline` (performance.now()) passes (false). */
  insertSome(deadline = Infinity): boolean {
    const chunk = this.chunk;
    if (!chunk) return true;
    const { api, widths } = this;
    // Statements and the db handle are looked up once per call: export() (which replaces them) can
    // only run between calls, never inside this synchronous loop.
    const dbHandle = (this.ws.db as unknown as { db: number }).db;
    const single = this.handles(this.singleTexts);
    const grouped = this.handles(this.groupTexts);
    // Between calls the statements may have been used elsewhere (or replaced by export()): forget.
    for (const known of this.singleNull) known.fill(0);
    for (const known of this.groupNull) known.fill(0);
    const { cells, records } = chunk;
    const starts = this.starts;
    let r = this.record;
    let checked = r;
    while (r < records) {
      if (r - checked >= 128) {
        checked = r;
        if (performance.now() > deadline) break;
      }
      const c = starts[r]!;
      const table = cells[c]!;
      const width = widths[table]!;
      let n = 0;
      while (n < INSERT_GROUP && r + n < records && cells[starts[r + n]!] === table && cells[starts[r + n]! + 1] === width) n++;
      let stmt: number;
      if (n === INSERT_GROUP) {
        stmt = grouped[table]!;
        const known = this.groupNull[table]!;
        for (let k = 0; k < INSERT_GROUP; k++) this.bindValues(stmt, known, chunk, starts[r + k]! + 2, width, k * width);
        r += INSERT_GROUP;
      } else {
        stmt = single[table]!;
        this.bindValues(stmt, this.singleNull[table]!, chunk, c + 2, cells[c + 1]!, 0);
        r += 1;
      }
      const rc = api._sqlite3_step(stmt);
      api._sqlite3_reset(stmt);
      if (rc !== SQLITE_DONE) throw new Error(`insert failed: ${api.UTF8ToString(api._sqlite3_errmsg(dbHandle))}`);
    }
    this.record = r;
    if (r < records) return false;
    this.chunk = undefined;
    return true;
  }

  /** Binds `count` values from cell `c` on to parameters `base + 1…`. */
  private bindValues(stmt: number, known: Uint8Array, chunk: RowChunk, c: number, count: number, base: number): void {
    const { api, block } = this;
    const { cells, doubles } = chunk;
    for (let i = base + 1, last = base + count; i <= last; i++, c += 2) {
      const a = cells[c]!;
      const b = cells[c + 1]!;
      if (b === NULL_CELL) {
        if (known[i] === 0) {
          api._sqlite3_bind_blob(stmt, i, 0, 0, 0); // a NULL pointer binds SQL NULL
          known[i] = 1;
        }
        continue;
      }
      known[i] = 0;
      if (b >= 0) api._sqlite3_bind_text(stmt, i, block + a, b, SQLITE_STATIC);
      else if (b === INT_CELL) api._sqlite3_bind_int(stmt, i, a);
      else if (b === DOUBLE_CELL) api._sqlite3_bind_double(stmt, i, doubles[a]!);
    }
  }

  private handles(texts: readonly string[]): number[] {
    return texts.map((t) => {
      const h = statementHandle(this.api, this.ws.prepare(t), t);
      if (h === undefined) throw new Error('insert failed: no native statement handle');
      return h;
    });
  }

  free(): void {
    if (this.block) this.api._free(this.block);
    this.block = 0;
    this.blockBytes = 0;
  }
}
