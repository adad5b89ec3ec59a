/**
 * loadFiles: streams CSV exports into the workspace. One transaction per call, one savepoint per
 * file: a bad file (empty, binary, unknown format, too large) changes nothing and gets one clear
 * message; a cancel rolls back the whole call. Malformed rows never abort a file: they go to
 * load_errors with file, line, column, value and what was expected.
 */
import { basename } from 'node:path';
import {
  begin, BulkWriter, DEFAULT_CACHE_KIB, setCacheSize, commit, databaseBytes, finishSource, insertSource, refreshCodes, release, restoreIndexes, rollback, rollbackTo, savepoint, suspendIndexes,
} from '../db/bulk';
import type { Workspace } from '../db/workspace';
import { CsvReader } from './csv';
import { detectFormat } from './detect';
import type { FormatId } from './format';
import { RowSink, type LoadIssue } from './row-sink';
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

const DEFAULT_MAX_DB_BYTES = 1.5 * 1024 ** 3;
/** Database bytes per CSV byte: 1.37 measured on a 1M-row log (raw + normalized values + index), plus margin. */
const GROWTH_PER_CSV_BYTE = 1.5;
const SLICE_MS = 25;
/**
 * Page cache during a load: the number index takes random inserts, and with SQLite's default 2 MB
 * cache every one of them re-reads and re-writes pages through sql.js's in-memory file. But dirty
 * pages only leave the cache when it is full or at COMMIT, which writes them all in ONE blocking
 * call: measured on 1M rows, a 128 MB cache made COMMIT block 1.2 s; 32 MB blocks ~40 ms at the
 * same total CPU (8 MB: 18 ms, also no slower at 1M rows, but the 1M-row index no longer fits).
 */
const LOAD_CACHE_KIB = Number(process.env.OPTTRACE_LOAD_CACHE_KIB ?? 32_768);
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Workspaces with a load in progress: sql.js has one connection, so loads never overlap. */
const loading = new WeakSet<Workspace>();

/** `files[i].format` overrides detection for that file only (the desktop's per-file format select). */
export async function loadFiles(ws: Workspace, files: readonly { path: string; format?: FormatId }[], opts: LoadOptions = {}): Promise<LoadResult> {
  if (loading.has(ws)) {
    const message = 'Another load is still running in this workspace: wait for it to finish or cancel it.';
    return { ok: false, cancelled: false, files: files.map((f) => ({ ...emptySummary(f.path), message, errorCode: 'busy' })) };
  }
  loading.add(ws);
  try {
    return await loadAll(ws, files, opts);
  } finally {
    loading.delete(ws);
  }
}

async function loadAll(ws: Workspace, files: readonly { path: string; format?: FormatId }[], opts: LoadOptions): Promise<LoadResult> {
  const summaries: FileLoadSummary[] = [];
  setCacheSize(ws, LOAD_CACHE_KIB);
  begin(ws);
  try {
    for (const [i, f] of files.entries()) {
      if (opts.signal?.aborted) throw new LoadCancelled();
      const sp = `file_${i}`;
      savepoint(ws, sp);
      const s = await loadOne(ws, f.path, f.format ? { ...opts, formatOverride: f.format } : opts).catch((e: unknown) => {
        rollbackTo(ws, sp);
        if (e instanceof LoadCancelled) throw e;
        return failed(f.path, e);
      });
      if (s.status === 'loaded' || s.status === 'nothing-loaded') release(ws, sp);
      summaries.push(s);
      if (s.errorCode === 'too-large') break;
    }
    refreshCodes(ws);
    commit(ws);
  } catch (e) {
    rollback(ws);
    setCacheSize(ws, DEFAULT_CACHE_KIB);
    if (e instanceof LoadCancelled) {
      return { ok: false, cancelled: true, files: files.map((f) => ({ ...emptySummary(f.path), status: 'cancelled', message: e.message })) };
    }
    throw e;
  }
  setCacheSize(ws, DEFAULT_CACHE_KIB);
  if (summaries.some((s) => s.rowsLoaded > 0)) ws.dirty = true;
  return { ok: summaries.length > 0 && summaries.every((s) => s.status === 'loaded'), cancelled: false, files: summaries };
}

const emptySummary = (path: string): FileLoadSummary => ({
  fileName: basename(path), path, sha256: '', sizeBytes: 0, format: null, status: 'failed', rowsLoaded: 0, rowsRejected: 0, warnings: 0, errors: [],
});

function failed(path: string, e: unknown): FileLoadSummary {
  const message = e instanceof CsvFileError ? e.message : `Could not load the file: ${e instanceof Error ? e.message : String(e)}`;
  return { ...emptySummary(path), message: `${basename(path)}: ${message}`, errorCode: e instanceof CsvFileError ? e.code : 'internal' };
}

async function loadOne(ws: Workspace, path: string, opts: LoadOptions): Promise<FileLoadSummary> {
  const fileName = basename(path);
  const reader = await CsvReader.open(path);
  try {
    const { header, totalBytes } = reader.info;
    const detection = detectFormat(header, opts.formatOverride);
    if (!detection.ok) throw detection.error;
    const { format, index } = detection;
    const maxBytes = opts.maxDatabaseBytes ?? DEFAULT_MAX_DB_BYTES;
    const startBytes = databaseBytes(ws);
    if (startBytes + totalBytes * GROWTH_PER_CSV_BYTE > maxBytes) throw tooLarge(totalBytes, startBytes, maxBytes);

    const sourceId = insertSource(ws, {
      fileName, sizeBytes: totalBytes, sha256: '', format: format.id, encoding: reader.info.encoding + (reader.info.bom ? ' (BOM)' : ''),
      delimiter: reader.info.delimiter, header, loadedAt: (opts.now ?? (() => new Date().toISOString()))(),
    });
    const indexes = opts.deferIndexes ? suspendIndexes(ws, format.table) : [];
    const sink = new RowSink(ws, sourceId, format, index, new BulkWriter(ws, format.table));
    const started = Date.now();
    let batchNo = 0;
    let sliceStart = performance.now();
    for await (const batch of reader.batches()) {
      // Time-sliced: yield to the event loop every ~25 ms even inside a batch.
      for (let from = 0; from < batch.rows.length; ) {
        from = sink.addBatch(batch, from, sliceStart + SLICE_MS);
        if (from < batch.rows.length) {
          await yieldToEventLoop();
          if (opts.signal?.aborted) throw new LoadCancelled();
          sliceStart = performance.now();
        }
      }
      const seconds = Math.max((Date.now() - started) / 1000, 1e-3);
      const rowsPerSecond = Math.round(sink.rowsSeen / seconds);
      const bytesPerSecond = batch.bytesRead / seconds;
      opts.onProgress?.({
        file: fileName, rows: sink.rowsSeen, bytes: batch.bytesRead, totalBytes, rowsPerSecond,
        etaSeconds: Math.max(0, Math.round((totalBytes - batch.bytesRead) / Math.max(bytesPerSecond, 1))),
      });
      if (++batchNo % 8 === 0 && databaseBytes(ws) > maxBytes) throw tooLarge(totalBytes, startBytes, maxBytes, sink.rowsSeen);
      if (performance.now() - sliceStart > SLICE_MS / 2) {
        await yieldToEventLoop();
        if (opts.signal?.aborted) throw new LoadCancelled();
        sliceStart = performance.now();
      }
      if (opts.signal?.aborted) throw new LoadCancelled();
    }
    sink.finish();
    restoreIndexes(ws, indexes);
    const sha256 = reader.sha256();
    finishSource(ws, sourceId, { sha256, sizeBytes: reader.bytesRead, rowsLoaded: sink.loaded, rowsRejected: sink.rejected, warnings: sink.warnings });
    const nothing = sink.loaded === 0;
    return {
      fileName, path, sha256, sizeBytes: reader.bytesRead, format: format.id, status: nothing ? 'nothing-loaded' : 'loaded',
      rowsLoaded: sink.loaded, rowsRejected: sink.rejected, warnings: sink.warnings, errors: sink.sample,
      ...(nothing
        ? { message: sink.rejected === 0
            ? `${fileName}: the file has a ${format.label} header but no data rows: nothing loaded.`
            : `${fileName}: nothing loaded — all ${sink.rejected} rows were rejected (see the load errors).` }
        : {}),
    };
  } finally {
    await reader.close();
  }
}

function tooLarge(fileBytes: number, dbBytes: number, maxBytes: number, rowsSoFar?: number): CsvFileError {
  const mb = (n: number): string => `${Math.round(n / 1024 ** 2)} MB`;
  const what = rowsSoFar === undefined
    ? `loading this ${mb(fileBytes)} file would grow the workspace (now ${mb(dbBytes)})`
    : `after ${rowsSoFar.toLocaleString('en-US')} rows of this ${mb(fileBytes)} file the workspace grew`;
  return new CsvFileError(
    'too-large',
    `Workspace too large: ${what} past ${mb(maxBytes)}, the most the in-memory database can hold; nothing from this file was kept. Split the export (e.g. by date range) into separate workspaces.`,
  );
}
