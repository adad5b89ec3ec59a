/**
 * Turns parsed CSV records into bulk rows for one file: field-count checks, the format's mapper,
 * duplicate detection, and load_errors (every rejected row and warning, with line/column/value).
 */
import type { BulkRow } from '../db/tables';
import { ByteRows } from './byte-rows';
import { isByteBatch, type AnyBatch, type ByteBatch } from './csv';
import { MessageKeys, type MessageKey } from './message-keys';
import { RowContext, type ColumnIndex, type FormatSpec, type RowIssues } from './format';
import { RowHashes } from './row-hashes';
import { NumberRunWriter } from './run-order';

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
  /** RowHashes.warm()'s result, kept so its loads are not dropped as dead code. */
  private warmed = 0;
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
    // Bytes go straight into a run's chunk encoders (BulkWriter, without sql.js's low-level exports, takes rows).
    this.byteRows = writer instanceof NumberRunWriter ? ByteRows.for(spec, index) : undefined;
    if (spec.table === 'messages') {
      this.messageKeys = new MessageKeys();
      const rows = this.byteRows;
      if (rows) this.keyCells = Int32Array.from(['keywordId', 'sharedKeyword', 'codeId', 'shortCode'], (k) => rows.textCell(k));
    }
  }

  /** A message tracking file's keyword/code combinations (import/message-keys.ts); undefined for other formats. */
  readonly messageKeys: MessageKeys | undefined;
  /** The byte plan's cells of those four values (-1: no such column). */
  private keyCells = new Int32Array(0);

  /** Rows read straight from bytes where a record is in its plain form (import/byte-rows.ts). */
  private readonly byteRows: ByteRows | undefined;

  /** Whether the reader should hand over ByteBatches (CsvReader.batches) when it can. */
  get wantsBytes(): boolean {
    return this.byteRows !== undefined;
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
  addBatch(b: AnyBatch, from = 0, deadline = Infinity): number {
    if (isByteBatch(b)) return this.addByteBatch(b, from, deadline);
    const anyMalformed = b.malformed.size > 0; // almost always false: skip a Map lookup per row
    for (let i = from; i < b.rows.length; i++) {
      if ((i & 255) === 0 && i > from && performance.now() > deadline) return i;
      this.addRow(b.rows[i]!, b.lines[i]!, anyMalformed ? b.malformed.get(i) : undefined, b.hashes, i);
    }
    this.writer.batchDone?.(b.bytesRead);
    return b.rows.length;
  }

  /**
   * A ByteBatch: a record in its plain form is written from its bytes; any other (a value to warn
   * about or reject, a non-canonical date, a wrong field count) goes through addRow as text, so both
   * make exactly the rows, errors and warnings the text path makes (byte-rows.test.ts compares them).
   */
  private addByteBatch(b: ByteBatch, from: number, deadline: number): number {
    const rows = this.byteRows!;
    const runs = this.writer as NumberRunWriter;
    const ctx = this.ctx;
    const text = Buffer.from(b.buf.buffer, b.buf.byteOffset, b.buf.length);
    this.warmed = this.seen.warm(b.hashes, from, b.count);
    for (let r = from; r < b.count; r++) {
      if ((r & 255) === 0 && r > from && performance.now() > deadline) return r;
      const line = b.lines[r]!;
      if (!rows.read(b, r, this.width)) {
        const fields: string[] = [];
        for (let k = b.first[r]!, end = b.first[r + 1]!; k < end; k++) fields.push(text.toString('utf8', b.spans[2 * k]!, b.spans[2 * k + 1]!));
        this.addRow(fields, line, undefined, b.hashes, r);
        continue;
      }
      ctx.line = line;
      this.rowsSeen++;
      this.checkDuplicate(b.hashes[r * 2]!, b.hashes[r * 2 + 1]!, line);
      rows.write(runs.encoderFor(rows.key), runs.table, this.sourceId, line);
      runs.recordDone();
      this.loaded++;
      this.messageKeys?.addBytes(rows.buf, rows.view, rows.from, rows.to, this.keyCells, line);
    }
    runs.batchDone(b.bytesRead);
    return b.count;
  }

  /** One record as text: field count, duplicate check, the format's mapper. */
  private addRow(f: readonly string[], line: number, bad: string | undefined, hashes: Int32Array | undefined, i: number): void {
    const ctx = this.ctx;
    ctx.startRow(f, line);
    this.rowsSeen++;
    if (bad !== undefined) {
      this.reject(null, null, 'csv-malformed', `malformed CSV record: ${bad}`);
      return;
    }
    if (f.length !== this.width) {
      const why = f.length < this.width ? 'truncated row?' : 'an unquoted delimiter inside a value?';
      this.reject(null, f.join(',').slice(0, 200), 'field-count', `row has ${f.length} fields; the header has ${this.width} (${why})`);
      return;
    }
    if (hashes) this.checkDuplicate(hashes[i * 2]!, hashes[i * 2 + 1]!, line);
    else {
      const first = this.seen.firstLine(f, line, this.seen.size < MAX_TRACKED_ROWS);
      if (first !== undefined) this.duplicateOf(first);
    }
    const row = this.spec.mapRow(ctx);
    if (row === null) {
      this.rejected++;
      return;
    }
    this.writer.insert(row);
    this.loaded++;
    this.messageKeys?.addRow(row, line);
  }


  private checkDuplicate(h1: number, h2: number, line: number): void {
    const first = this.seen.firstLineOf(h1, h2, line, this.seen.size < MAX_TRACKED_ROWS);
    if (first !== undefined) this.duplicateOf(first);
  }

  private duplicateOf(first: number): void {
    this.ctx.warn(null, null, 'duplicate-row', `identical to line ${first} (kept: both rows are evidence; history merges them)`);
  }

  private reject(column: string | null, value: string | null, code: string, message: string): void {
    this.error(column, value, code, message);
    this.rejected++;
  }

  /** What a file's summary takes from the sink (both load paths): counts, sample, message keys. */
  totals(): { loaded: number; rejected: number; warnings: number; sample: readonly LoadIssue[]; messageKeys?: readonly MessageKey[] } {
    const { loaded, rejected, warnings, sample } = this;
    return { loaded, rejected, warnings, sample, ...(this.messageKeys ? { messageKeys: this.messageKeys.list() } : {}) };
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
