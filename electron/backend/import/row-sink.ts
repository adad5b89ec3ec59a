/**
 * Turns parsed CSV records into bulk rows for one file: field-count checks, the format's mapper,
 * duplicate detection, and load_errors (every rejected row and warning, with line/column/value).
 */
import type { BulkRow } from '../db/tables';
import type { CsvBatch } from './csv';
import { RowContext, type ColumnIndex, type FormatSpec, type RowIssues } from './format';
import { RowHashes } from './row-hashes';

export interface LoadIssue {
  readonly line: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
}

const SAMPLE_SIZE = 20;
/** Rows remembered for duplicate detection (~24 bytes each); beyond this, later rows are not checked. */
const MAX_TRACKED_ROWS = 2_000_000;
/** Warnings beyond this many per file are counted but not stored one by one (errors always are). */
const MAX_STORED_WARNINGS = 50_000;

/** Where rows go: a chunk encoder (import/row-chunk.ts, run-order.ts) on both load paths; BulkWriter only without sql.js's low-level exports. */
export interface RowWriter {
  insert(row: BulkRow): void;
  /** Hands on rows still held back (a run: import/run-order.ts); RowSink.finish() calls it. */
  flush?(): void;
  /** Told after each whole CSV batch how many bytes of the file have been read. */
  batchDone?(bytesRead: number): void;
}

export class RowSink implements RowIssues {
  loaded = 0;
  rejected = 0;
  warnings = 0;
  rowsSeen = 0;
  readonly sample: LoadIssue[] = [];
  private readonly ctx: RowContext;
  private readonly seen: RowHashes;
  private readonly width: number;

  /**
   * `errors` takes load_errors rows; the caller keeps its inserts in call order with `writer`'s.
   * `fileBytes` sizes the duplicate table up front (growing it rehashes every row seen so far).
   */
  constructor(
    private readonly sourceId: number,
    private readonly spec: FormatSpec,
    index: ColumnIndex,
    private readonly writer: RowWriter,
    private readonly errors: RowWriter,
    fileBytes = 0,
  ) {
    this.seen = new RowHashes(RowHashes.slotsFor(fileBytes));
    this.ctx = new RowContext(index, this);
    this.ctx.sourceId = sourceId;
    this.width = index.header.length;
  }

  error(column: string | null, value: string | null, code: string, message: string): void {
    this.record({ line: this.ctx.line, column, value, severity: 'error', code, message });
  }

  warn(column: string | null, value: string | null, code: string, message: string): void {
    this.warnings++;
    if (this.warnings <= MAX_STORED_WARNINGS) this.record({ line: this.ctx.line, column, value, severity: 'warning', code, message });
  }

  private record(i: LoadIssue): void {
    if (this.sample.length < SAMPLE_SIZE) this.sample.push(i);
    this.errors.insert([this.sourceId, i.line, i.column, i.value, i.severity, i.code, i.message]);
  }

  /** Processes rows from `from` until the batch ends or `deadline` (performance.now()) passes; returns where it stopped. */
  addBatch(b: CsvBatch, from = 0, deadline = Infinity): number {
    const ctx = this.ctx;
    const anyMalformed = b.malformed.size > 0; // almost always false: skip a Map lookup per row
    const hashes = b.hashes;
    for (let i = from; i < b.rows.length; i++) {
      if ((i & 255) === 0 && i > from && performance.now() > deadline) return i;
      const f = b.rows[i]!;
      ctx.startRow(f, b.lines[i]!);
      this.rowsSeen++;
      const bad = anyMalformed ? b.malformed.get(i) : undefined;
      if (bad !== undefined) {
        this.reject(null, null, 'csv-malformed', `malformed CSV record: ${bad}`);
        continue;
      }
      if (f.length !== this.width) {
        const why = f.length < this.width ? 'truncated row?' : 'an unquoted delimiter inside a value?';
        this.reject(null, f.join(',').slice(0, 200), 'field-count', `row has ${f.length} fields; the header has ${this.width} (${why})`);
        continue;
      }
      const remember = this.seen.size < MAX_TRACKED_ROWS;
      const first = hashes ? this.seen.firstLineOf(hashes[i * 2]!, hashes[i * 2 + 1]!, ctx.line, remember) : this.seen.firstLine(f, ctx.line, remember);
      if (first !== undefined) ctx.warn(null, null, 'duplicate-row', `identical to line ${first} (kept: both rows are evidence; history merges them)`);
      const row = this.spec.mapRow(ctx);
      if (row === null) {
        this.rejected++;
        continue;
      }
      this.writer.insert(row);
      this.loaded++;
    }
    this.writer.batchDone?.(b.bytesRead);
    return b.rows.length;
  }

  private reject(column: string | null, value: string | null, code: string, message: string): void {
    this.error(column, value, code, message);
    this.rejected++;
  }

  /** Hands on held-back rows, then notes how many warnings were counted but not stored. */
  finish(): void {
    this.writer.flush?.();
    if (this.warnings > MAX_STORED_WARNINGS) {
      this.errors.insert([this.sourceId, null, null, null, 'warning', 'warnings-truncated',
        `${this.warnings - MAX_STORED_WARNINGS} further warnings were counted but not stored individually`]);
    }
  }
}
