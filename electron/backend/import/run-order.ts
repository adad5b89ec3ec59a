/**
 * Rows of a number-keyed table are inserted in runs grouped by number. The table's live number index
 * then takes each chunk's inserts within a narrow key range: they land on a few B-tree pages that stay
 * hot, instead of one random page per row. Measured on a 1M-row log (the inserts alone, main thread):
 * 4.6–4.9 s in file order, 3.0–3.1 s in 64k-row runs fully sorted, 3.4–3.5 s in 64k-row runs split
 * into 16 key ranges, 2.0 s with no index at all.
 * Rows go into buckets of the run's key range as they are encoded, and at the run's end each bucket is
 * sorted by key: nothing moves, the bucket's chunk carries the order to insert its records in
 * (RowChunkEncoder.sortRecords, RowChunk.order). Sorting a whole encoded run had meant copying every
 * row's bytes again in random order (~1 s of the parse worker per million rows). With the buckets
 * sorted the inserts alone took 5.0–6.3 s instead of 6.7–8.2 s in the VM's slow minutes.
 * A number always falls in one bucket of a run, and runs follow each other in file order, so one
 * number's rows keep their file order (and rowid order): the sort keeps ties in insertion order.
 */
import { NUMBER_TABLES } from '../db/schema';
import { BULK_TABLES, type BulkRow, type BulkTable } from '../db/tables';
import { RowChunkEncoder } from './row-chunk';
import type { RowWriter } from './row-sink';

/** The first run is small (one bucket) so the inserting thread starts at once. */
export const FIRST_RUN_ROWS = 2048;
export const MAX_RUN_ROWS = 131_072;
/**
 * A run also ends at this many encoded bytes, so wide rows (message texts) make shorter runs and the
 * rows waiting in a run, or in flight to the inserting thread, stay bounded (~300 bytes per log row:
 * a 128k-row log run is ~40 MB).
 */
export const MAX_RUN_BYTES = 48 << 20;
/**
 * Rows per bucket: a run of R rows has R / BUCKET_ROWS buckets, split at quantiles of the last run's
 * keys. Few buckets: writing rows into many (128 at 1k rows) scattered the worker's writes over
 * ~50 MB and cost it ~0.3 s per million rows, while the inserts were no faster than with 16.
 */
export const BUCKET_ROWS = 8192;
/** Every SAMPLE_STRIDE-th key of a run is kept to place the next run's bucket bounds. */
const SAMPLE_STRIDE = 8;

/**
 * A sort key for a normalized number (ASCII digits, at most 15): its digits read left-aligned as a
 * 15-digit integer, which orders like the index's BINARY text order (a number that is a prefix of
 * another ties with it). Exact in a double. NULL and anything else come first (-1).
 */
export function numberSortKey(v: BulkRow[number]): number {
  if (typeof v !== 'string' || v.length > 15) return -1;
  let k = 0;
  for (let i = 0; i < 15; i++) {
    const c = i < v.length ? v.charCodeAt(i) - 48 : 0;
    if (c < 0 || c > 9) return -1;
    k = k * 10 + c;
  }
  return k;
}

/**
 * The RowWriter for a number-keyed table: rows go into the current run's buckets (each a
 * RowChunkEncoder sharing `out`'s buffers); when the run is full, and at flush(), its buckets are
 * handed to `out` in key order. Runs double up to MAX_RUN_ROWS and shrink again near the end of the
 * file, so few rows wait when parsing ends. load_errors rows go to `out` directly; both load paths
 * use this writer, so they make the same inserts in the same order.
 */
export class NumberRunWriter implements RowWriter {
  private readonly buckets: RowChunkEncoder[] = [];
  /** Each bucket's keys, in insertion order, for the sort at the run's end. */
  private readonly keys: Float64Array[] = [];
  private readonly keyCount: number[] = [];
  private bounds = new Float64Array(0);
  private readonly sample = new Float64Array(MAX_RUN_ROWS / SAMPLE_STRIDE);
  private sampled = 0;
  private rows = 0;
  private runRows = FIRST_RUN_ROWS;
  private written = 0;
  private bytesRead = 0;

  /** `totalBytes`: the file's size, to shrink the last runs (0 when unknown). */
  constructor(
    private readonly out: RowChunkEncoder,
    /** The tag this table's records carry in a chunk. */
    readonly table: number,
    private readonly keyColumn: number,
    private readonly totalBytes: number,
  ) {
    this.addBucket();
  }

  private addBucket(): void {
    this.buckets.push(this.out.sibling());
    this.keys.push(new Float64Array(1024));
    this.keyCount.push(0);
  }

  insert(row: BulkRow): void {
    this.encoderFor(numberSortKey(row[this.keyColumn]!)).add(this.table, row);
    this.recordDone();
  }

  /** The bucket encoder a row with number key `k` is written to (then recordDone()): RowSink's byte path. */
  encoderFor(k: number): RowChunkEncoder {
    if (this.rows % SAMPLE_STRIDE === 0) this.sample[this.sampled++] = k;
    const b = this.bucketOf(k);
    let keys = this.keys[b]!;
    const n = this.keyCount[b]!;
    if (n === keys.length) {
      keys = new Float64Array(n * 2);
      keys.set(this.keys[b]!);
      this.keys[b] = keys;
    }
    keys[n] = k;
    this.keyCount[b] = n + 1;
    return this.buckets[b]!;
  }

  recordDone(): void {
    this.written++;
    if (++this.rows === this.runRows || ((this.rows & 1023) === 0 && this.runBytes() >= MAX_RUN_BYTES)) this.flush();
  }

  /** Where parsing is (after each CSV batch): plans the size of the runs that end the file. */
  batchDone(bytesRead: number): void {
    this.bytesRead = bytesRead;
  }

  flush(): void {
    const used = this.bounds.length + 1;
    for (let b = 0; b < used; b++) {
      this.buckets[b]!.sortRecords(this.keys[b]!);
      this.keyCount[b] = 0;
      this.out.adopt(this.buckets[b]!);
    }
    this.runRows = this.nextRunRows();
    const count = Math.max(1, Math.floor(this.runRows / BUCKET_ROWS));
    const keys = this.sample.slice(0, this.sampled).sort(); // a typed-array sort: numeric
    this.bounds = new Float64Array(keys.length === 0 ? 0 : count - 1);
    for (let i = 0; i < this.bounds.length; i++) this.bounds[i] = keys[Math.floor(((i + 1) * keys.length) / count)]!;
    while (this.buckets.length < this.bounds.length + 1) this.addBucket();
    this.rows = 0;
    this.sampled = 0;
  }

  private runBytes(): number {
    let n = 0;
    for (let b = 0; b <= this.bounds.length; b++) n += this.buckets[b]!.sizeBytes;
    return n;
  }

  /** Bucket b holds keys in [bounds[b-1], bounds[b]). */
  private bucketOf(k: number): number {
    const bounds = this.bounds;
    let lo = 0;
    let hi = bounds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (k < bounds[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Doubles up to MAX_RUN_ROWS, but at most a quarter of the rows the rest of the file is estimated to hold. */
  private nextRunRows(): number {
    let next = Math.min(this.runRows * 2, MAX_RUN_ROWS);
    if (this.totalBytes > 0 && this.bytesRead > 0) {
      const left = (this.written * (this.totalBytes - this.bytesRead)) / this.bytesRead;
      while (next > FIRST_RUN_ROWS && next > left / 4) next /= 2;
    }
    return next;
  }
}

/** The writer for a format's own table (tag 0 in `out`'s chunks): in runs when the table is number-keyed. */
export function tableRowWriter(out: RowChunkEncoder, table: BulkTable, totalBytes: number): RowWriter {
  const keyColumn = (BULK_TABLES[table] as readonly string[]).indexOf('number');
  return (NUMBER_TABLES as readonly string[]).includes(table) ? new NumberRunWriter(out, 0, keyColumn, totalBytes) : out.writer(0);
}
