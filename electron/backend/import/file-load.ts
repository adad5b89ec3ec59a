/**
 * The steps both load paths (in-thread in load.ts, with the parse worker in load-offloaded.ts) take
 * around their row loop, so they cannot drift apart: size guard, sources row, deferred indexes, 25 ms
 * time slices with cancel, progress and the periodic size check, and the finish.
 */
import { basename } from 'node:path';
import { databaseBytes, finishSource, insertSource, restoreIndexes, suspendIndexes } from '../db/bulk';
import type { ChunkInserter } from '../db/chunk-insert';
import { addMessageKeys } from '../db/tracking-pairs';
import type { Workspace } from '../db/workspace';
import type { CsvInfo } from './csv';
import type { FormatSpec } from './format';
import type { RowChunk } from './row-chunk';
import {
  DEFAULT_MAX_DB_BYTES, fileSummary, GROWTH_PER_CSV_BYTE, LoadCancelled, progress, ProgressGate, SLICE_MS, sourceRecord, tooLarge, yieldToEventLoop,
  type FileCounts, type FileLoadSummary, type LoadOptions,
} from './load-steps';

export class FileLoad {
  readonly fileName: string;
  readonly sourceId: number;
  private readonly indexes: string[];
  private readonly maxBytes: number;
  private readonly startBytes: number;
  private readonly started = Date.now();
  private sliceStart = performance.now();
  private readonly gate: ProgressGate;

  /** Refuses a file that would not fit (before writing anything), then records its sources row. */
  constructor(
    private readonly ws: Workspace,
    private readonly path: string,
    private readonly info: CsvInfo,
    private readonly format: FormatSpec,
    private readonly opts: LoadOptions,
  ) {
    this.fileName = basename(path);
    this.maxBytes = opts.maxDatabaseBytes ?? DEFAULT_MAX_DB_BYTES;
    this.gate = new ProgressGate(info.totalBytes);
    this.startBytes = databaseBytes(ws);
    if (this.startBytes + info.totalBytes * GROWTH_PER_CSV_BYTE > this.maxBytes) throw tooLarge(info.totalBytes, this.startBytes, this.maxBytes);
    this.sourceId = insertSource(ws, sourceRecord(this.fileName, info, format.id, opts));
    this.indexes = opts.deferIndexes ? suspendIndexes(ws, format.table) : [];
  }

  /** When the current time slice ends (performance.now()). */
  get sliceEnd(): number {
    return this.sliceStart + SLICE_MS;
  }

  /** Lets the event loop run, then stops if the load was cancelled meanwhile. */
  async yieldNow(): Promise<void> {
    await yieldToEventLoop();
    if (this.opts.signal?.aborted) throw new LoadCancelled();
    this.sliceStart = performance.now();
  }

  /** Inserts a chunk in time slices (yielding between them, even inside the chunk): both load paths. */
  async insertChunk(ins: ChunkInserter, chunk: RowChunk): Promise<void> {
    ins.start(chunk);
    while (!ins.insertSome(this.sliceEnd)) await this.yieldNow();
  }

  /**
   * After each CSV batch (with the parse worker: each progress message, already gated the same way):
   * progress and the size check when the gate opens, a yield once half the slice is used.
   */
  async afterBatch(rowsSeen: number, bytesRead: number): Promise<void> {
    if (this.gate.open(bytesRead)) {
      this.opts.onProgress?.(progress(this.fileName, this.started, rowsSeen, bytesRead, this.info.totalBytes));
      if (databaseBytes(this.ws) > this.maxBytes) throw tooLarge(this.info.totalBytes, this.startBytes, this.maxBytes, rowsSeen);
    }
    if (performance.now() - this.sliceStart > SLICE_MS / 2) await this.yieldNow();
    if (this.opts.signal?.aborted) throw new LoadCancelled();
  }

  /** Indexes back, hash and counts recorded; the file's summary. */
  finish(counts: FileCounts): FileLoadSummary {
    restoreIndexes(this.ws, this.indexes);
    if (counts.messageKeys) addMessageKeys(this.ws, this.sourceId, counts.messageKeys);
    finishSource(this.ws, this.sourceId, { sha256: counts.sha256, sizeBytes: counts.sizeBytes, rowsLoaded: counts.loaded, rowsRejected: counts.rejected, warnings: counts.warnings });
    return fileSummary(this.path, this.format, counts);
  }
}
