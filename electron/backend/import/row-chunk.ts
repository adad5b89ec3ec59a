/**
 * Rows encoded for a zero-copy hand-over from the parse worker to the thread that owns SQLite: every
 * text value's UTF-8 bytes in one buffer, and per value two int32 cells saying what to bind. The
 * main thread copies `bytes` into the wasm heap once and binds pointers into it (db/chunk-insert.ts),
 * so it never builds a JS string or array per row.
 */
import { bindsAsInt } from '../db/row-text';
import type { BulkRow } from '../db/tables';
import { keyOrder } from './key-order';
import type { RowWriter } from './row-sink';

/**
 * Per record: `[table, valueCount, ...pairs]` with one `(a, b)` pair per value:
 * b ≥ 0 text of b bytes at offset a; b = NULL_CELL; b = INT_CELL, value a; b = DOUBLE_CELL, doubles[a].
 */
export interface RowChunk {
  readonly bytes: Uint8Array;
  readonly cells: Int32Array;
  readonly doubles: Float64Array;
  readonly records: number;
  /**
   * Where each record's cells start, in the order the records are to be inserted (a run's bucket, in
   * number order: run-order.ts); absent: the order they are stored in.
   */
  readonly order?: Int32Array;
}

/** Memory a chunk holds (its arrays). */
export const chunkBytes = (c: RowChunk): number =>
  c.bytes.byteLength + c.cells.byteLength + c.doubles.byteLength + (c.order?.byteLength ?? 0);

/** Where each of the first `records` records of `cells` starts, as stored. */
function storedStarts(cells: Int32Array, records: number): Int32Array {
  const starts = new Int32Array(records);
  for (let r = 0, c = 0; r < records; r++) {
    starts[r] = c;
    c += 2 + cells[c + 1]! * 2;
  }
  return starts;
}

/** Where each record's cells start, in insertion order: the chunk's `order`, else as stored. */
export const recordStarts = (chunk: RowChunk): Int32Array => chunk.order ?? storedStarts(chunk.cells, chunk.records);

export const NULL_CELL = -1;
export const INT_CELL = -2;
export const DOUBLE_CELL = -3;

const viewOf = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Fresh buffers start small and grow as a chunk needs (a run's bucket: up to 8k rows); recycled ones keep their size. */
const INITIAL_BYTES = 1 << 17;
const INITIAL_CELLS = 1 << 16;
/** A chunk is cut at this many records. */
const CHUNK_RECORDS = 4096;

/**
 * Builds RowChunks. `takeAll()` hands the buffers over (they are transferred); the loader sends them
 * back with its ack and `recycle()` reuses them, so a load allocates only the chunks in flight:
 * fresh buffers per chunk piled up as external memory on the main thread, which rarely collects.
 */
export class RowChunkEncoder {
  private readonly ready: { chunk: RowChunk; transfer: ArrayBuffer[] }[] = [];
  private buf: Buffer;
  /** `buf` as a DataView: textBytes copies four bytes a step. */
  private view: DataView;
  private used = 0;
  private cells: Int32Array;
  private cellCount = 0;
  /** Doubles of the chunk being built (copied out at cut(): pushing to a JS array cost ~0.1 s per 1M log rows). */
  private doubles = new Float64Array(1024);
  private doubleCount = 0;
  private records = 0;
  /** The insertion order sortRecords() set for the chunk being built. */
  private order: Int32Array | undefined;

  /** `spare`: recycled buffers, shared with sibling() encoders. */
  constructor(
    private readonly cutAt = CHUNK_RECORDS,
    private readonly spare: { bytes: ArrayBuffer; cells: ArrayBuffer }[] = [],
  ) {
    this.buf = Buffer.from(new ArrayBuffer(INITIAL_BYTES));
    this.view = viewOf(this.buf);
    this.cells = new Int32Array(INITIAL_CELLS);
  }

  /** Memory the chunk being built would hold. */
  get sizeBytes(): number {
    return this.used + this.cellCount * 4 + this.doubleCount * 8;
  }

  /** A RowWriter whose rows are recorded for `table` (0 = the format's table, 1 = load_errors). */
  writer(table: number): RowWriter {
    return { insert: (row) => this.add(table, row) };
  }

  add(table: number, row: BulkRow): void {
    if (this.cellCount + 2 + row.length * 2 > this.cells.length) this.growCells(2 + row.length * 2);
    const cells = this.cells;
    let c = this.cellCount;
    cells[c++] = table;
    cells[c++] = row.length;
    for (let k = 0; k < row.length; k++) {
      const v = row[k];
      if (typeof v === 'string') {
        // Each value NUL-terminated (the bytes SQLite reads). ASCII, nearly every export cell, is copied
        // a character per byte: ~0.3 µs a log row less than joining the row's strings (about 20 cons
        // strings) for one native encode. A value with any other character is encoded natively.
        const len = v.length;
        if (this.used + len * 3 + 1 > this.buf.length) this.growBytes(len * 3 + 1);
        const buf = this.buf;
        const off = this.used;
        let i = 0;
        for (; i < len; i++) {
          const ch = v.charCodeAt(i);
          if (ch > 127) break;
          buf[off + i] = ch;
        }
        const n = i === len ? len : buf.write(v, off);
        buf[off + n] = 0;
        this.used = off + n + 1;
        cells[c++] = off;
        cells[c++] = n;
      } else if (typeof v === 'number') {
        // The same int/double split as the in-thread insert (db/row-text.ts).
        if (bindsAsInt(v)) {
          cells[c++] = v;
          cells[c++] = INT_CELL;
        } else {
          if (this.doubleCount === this.doubles.length) this.growDoubles();
          cells[c++] = this.doubleCount;
          cells[c++] = DOUBLE_CELL;
          this.doubles[this.doubleCount++] = v;
        }
      } else {
        cells[c++] = 0;
        cells[c++] = NULL_CELL;
      }
    }
    this.cellCount = c;
    if (++this.records >= this.cutAt) this.cut();
  }

  /** Starts a record written value by value (the byte path: import/byte-rows.ts); endRecord() ends it. */
  beginRecord(table: number, values: number): void {
    if (this.cellCount + 2 + values * 2 > this.cells.length) this.growCells(2 + values * 2);
    this.cells[this.cellCount++] = table;
    this.cells[this.cellCount++] = values;
  }

  /**
   * A text value: the UTF-8 bytes `src[from, to)` (`srcView`: src as a DataView), NUL-terminated like
   * add()'s. Copied four bytes a step: half the time of a byte loop for the GUIDs and numbers of a log row.
   */
  textBytes(src: Uint8Array, srcView: DataView, from: number, to: number): void {
    const n = to - from;
    if (this.used + n + 1 > this.buf.length) this.growBytes(n + 1);
    const buf = this.buf;
    const view = this.view;
    const off = this.used;
    let i = 0;
    for (; i + 4 <= n; i += 4) view.setInt32(off + i, srcView.getInt32(from + i, true), true);
    for (; i < n; i++) buf[off + i] = src[from + i]!;
    buf[off + n] = 0;
    this.used = off + n + 1;
    this.cells[this.cellCount++] = off;
    this.cells[this.cellCount++] = n;
  }

  /** A number value, bound as add() binds it. */
  numberValue(v: number): void {
    if (bindsAsInt(v)) {
      this.cells[this.cellCount++] = v;
      this.cells[this.cellCount++] = INT_CELL;
    } else {
      if (this.doubleCount === this.doubles.length) this.growDoubles();
      this.cells[this.cellCount++] = this.doubleCount;
      this.cells[this.cellCount++] = DOUBLE_CELL;
      this.doubles[this.doubleCount++] = v;
    }
  }

  nullValue(): void {
    this.cells[this.cellCount++] = 0;
    this.cells[this.cellCount++] = NULL_CELL;
  }

  endRecord(): void {
    if (++this.records >= this.cutAt) this.cut();
  }

  /** An encoder drawing on the same recycled buffers, never cut by size (a run's bucket: see adopt()). */
  sibling(): RowChunkEncoder {
    return new RowChunkEncoder(Infinity, this.spare);
  }

  /**
   * Orders the records of the chunk being built (a sibling's: never cut) by ascending `keys`, one key
   * per record in insertion order, ties kept in that order. Nothing moves: the chunk carries the order
   * (RowChunk.order). Copying each record's cells into place had cost the parse worker ~0.3 s per
   * million log rows (a native copy per record); the inserting thread reads them through the order.
   */
  sortRecords(keys: Float64Array): void {
    const n = this.records;
    if (n < 2) return;
    const starts = storedStarts(this.cells, n);
    const byKey = keyOrder(keys, n);
    const order = new Int32Array(n);
    for (let j = 0; j < n; j++) order[j] = starts[byKey[j]!]!;
    this.order = order;
  }

  /** Ends the chunk being built here (if any), then appends `other`'s records as the next chunk(s). */
  adopt(other: RowChunkEncoder): void {
    if (other.records === 0) return;
    if (this.records > 0) this.cut();
    other.cut();
    for (const c of other.ready.splice(0)) this.ready.push(c);
  }

  /**
   * The chunks built so far with the buffers to transfer with each; the one being built is included
   * when it has records, or when `final` (the last message always carries a chunk, maybe empty).
   */
  takeAll(final = false): { chunk: RowChunk; transfer: ArrayBuffer[] }[] {
    if (this.records > 0 || final) this.cut();
    return this.ready.splice(0);
  }

  /** Ends the chunk being built; the encoder starts on recycled (or fresh) buffers. */
  private cut(): void {
    const bytes = new Uint8Array(this.buf.buffer, 0, this.used);
    const cells = new Int32Array(this.cells.buffer, 0, this.cellCount);
    const doubles = this.doubles.slice(0, this.doubleCount);
    const order = this.order;
    const chunk: RowChunk = order ? { bytes, cells, doubles, records: this.records, order } : { bytes, cells, doubles, records: this.records };
    const transfer = [bytes.buffer as ArrayBuffer, cells.buffer as ArrayBuffer, doubles.buffer as ArrayBuffer];
    if (order) transfer.push(order.buffer as ArrayBuffer);
    this.ready.push({ chunk, transfer });
    this.order = undefined;
    const next = this.spare.pop();
    this.buf = Buffer.from(next?.bytes ?? new ArrayBuffer(INITIAL_BYTES));
    this.view = viewOf(this.buf);
    this.cells = new Int32Array(next?.cells ?? new ArrayBuffer(INITIAL_CELLS * 4));
    this.used = 0;
    this.cellCount = 0;
    this.doubleCount = 0;
    this.records = 0;
  }

  /** Buffers of an inserted chunk, back from the loader. */
  recycle(bytes: ArrayBuffer, cells: ArrayBuffer): void {
    this.spare.push({ bytes, cells });
  }

  private growBytes(need: number): void {
    const next = Buffer.from(new ArrayBuffer(Math.max(this.buf.length * 2, this.used + need)));
    this.buf.copy(next, 0, 0, this.used);
    this.buf = next;
    this.view = viewOf(next);
  }

  private growDoubles(): void {
    const next = new Float64Array(this.doubles.length * 2);
    next.set(this.doubles);
    this.doubles = next;
  }

  private growCells(need: number): void {
    const next = new Int32Array(Math.max(this.cells.length * 2, this.cellCount + need));
    next.set(this.cells.subarray(0, this.cellCount));
    this.cells = next;
  }
}
