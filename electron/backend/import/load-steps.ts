/** What both load paths (in-thread, and with the parse worker) share: types, limits, messages. */
import { basename } from 'node:path';
import type { SourceRecord } from '../db/bulk';
import type { CsvInfo } from './csv';
import type { FormatId, FormatSpec } from './format';
import type { MessageKey } from './message-keys';
import type { LoadIssue } from './row-sink';
import { CsvFileError } from './text-decode';

export interface LoadProgress {
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
  readonly totalBytes: number;
  readonly rowsPerSecond: number;
  readonly etaSeconds: number;
}

export interface LoadOptions {
  readonly formatOverride?: FormatId;
  readonly onProgress?: (p: LoadProgress) => void;
  readonly signal?: AbortSignal;
  /** Stop before the database outgrows sql.js's wasm memory (default 1.5 GiB). */
  readonly maxDatabaseBytes?: number;
  readonly now?: () => string;
  /**
   * Drop the target table's indexes during the load and rebuild them at the end: faster overall, but
   * the rebuild is one synchronous statement (~1 s per million rows) — use it only where blocking
   * the event loop is acceptable (a worker thread, the CLI, benchmarks). Default false.
   */
  readonly deferIndexes?: boolean;
  /**
   * The parse worker bundle (import/parse-worker.ts) that reads, parses and normalizes while this
   * thread inserts; `false` does everything in-thread. Default: `defaultParseWorker()` for files of
   * 2 MB or more (a worker takes ~70 ms to start); in-thread when there is none or it cannot start.
   */
  readonly parseWorker?: string | false;
}

export type FileStatus = 'loaded' | 'nothing-loaded' | 'failed' | 'cancelled' | 'skipped';

export interface FileLoadSummary {
  readonly fileName: string;
  readonly path: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly format: FormatId | null;
  readonly status: FileStatus;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
  readonly warnings: number;
  /** The first problems (errors and warnings) for display; the full list is in load_errors. */
  readonly errors: readonly LoadIssue[];
  /** One clear sentence when the file as a whole failed, or when nothing was loaded. */
  readonly message?: string;
  /** Set when the file as a whole failed: empty, binary, encoding, unknown-format, missing-columns, too-large, … */
  readonly errorCode?: string;
}

export interface LoadResult {
  readonly ok: boolean;
  readonly cancelled: boolean;
  readonly files: readonly FileLoadSummary[];
}

export class LoadCancelled extends Error {
  constructor() {
    super('Load cancelled: the workspace was left exactly as it was.');
    this.name = 'LoadCancelled';
  }
}

export const DEFAULT_MAX_DB_BYTES = 1.5 * 1024 ** 3;
/** Database bytes per CSV byte: 1.37 measured on a 1M-row log (raw + normalized values + index), plus margin. */
export const GROWTH_PER_CSV_BYTE = 1.5;
export const SLICE_MS = 25;
/** Progress is reported, and the database size checked, once per this many bytes of the file read. */
export const PROGRESS_BYTES = 1 << 20;

/**
 * Opens for a file's first batch, then once it has read PROGRESS_BYTES more, and at its end. Both load
 * paths apply it to the same batches, so they report the same progress (the parse worker posts only the
 * batches it lets through): a message per 64 KB batch woke the thread that serves IPC ~2,500 times
 * per 1M rows, and would have pushed as many progress events to the window.
 */
export class ProgressGate {
  private next = 0;
  constructor(private readonly totalBytes: number) {}
  open(bytesRead: number): boolean {
    if (bytesRead < this.next && bytesRead < this.totalBytes) return false;
    this.next = bytesRead + PROGRESS_BYTES;
    return true;
  }
}

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function progress(file: string, started: number, rows: number, bytes: number, totalBytes: number): LoadProgress {
  const seconds = Math.max((Date.now() - started) / 1000, 1e-3);
  const bytesPerSecond = bytes / seconds;
  return {
    file, rows, bytes, totalBytes, rowsPerSecond: Math.round(rows / seconds),
    etaSeconds: Math.max(0, Math.round((totalBytes - bytes) / Math.max(bytesPerSecond, 1))),
  };
}

export interface FileCounts {
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly loaded: number;
  readonly rejected: number;
  readonly warnings: number;
  readonly sample: readonly LoadIssue[];
  /** A message tracking file's keyword/code combinations (import/message-keys.ts). */
  readonly messageKeys?: readonly MessageKey[];
}

/** The summary of a file that streamed to its end. */
export function fileSummary(path: string, format: FormatSpec, c: FileCounts): FileLoadSummary {
  const fileName = basename(path);
  const nothing = c.loaded === 0;
  return {
    fileName, path, sha256: c.sha256, sizeBytes: c.sizeBytes, format: format.id, status: nothing ? 'nothing-loaded' : 'loaded',
    rowsLoaded: c.loaded, rowsRejected: c.rejected, warnings: c.warnings, errors: c.sample,
    ...(nothing
      ? { message: c.rejected === 0
          ? `${fileName}: the file has a ${format.label} header but no data rows: nothing loaded.`
          : `${fileName}: nothing loaded — all ${c.rejected} rows were rejected (see the load errors).` }
      : {}),
  };
}

export function tooLarge(fileBytes: number, dbBytes: number, maxBytes: number, rowsSoFar?: number): CsvFileError {
  const mb = (n: number): string => `${Math.round(n / 1024 ** 2)} MB`;
  const what = rowsSoFar === undefined
    ? `loading this ${mb(fileBytes)} file would grow the workspace (now ${mb(dbBytes)})`
    : `after ${rowsSoFar.toLocaleString('en-US')} rows of this ${mb(fileBytes)} file the workspace grew`;
  return new CsvFileError(
    'too-large',
    `Workspace too large: ${what} past ${mb(maxBytes)}, the most the in-memory database can hold; nothing from this file was kept. Split the export (e.g. by date range) into separate workspaces.`,
  );
}

/** The sources row of a file, before its hash and counts are known (finishSource adds them). */
export const sourceRecord = (fileName: string, info: CsvInfo, format: FormatId, opts: LoadOptions): SourceRecord => ({
  fileName, sizeBytes: info.totalBytes, sha256: '', format, encoding: info.encoding + (info.bom ? ' (BOM)' : ''),
  delimiter: info.delimiter, header: info.header, loadedAt: (opts.now ?? (() => new Date().toISOString()))(),
});
