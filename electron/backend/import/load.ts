/**
 * loadFiles: streams CSV exports into the workspace. One transaction per call, one savepoint per
 * file: a bad file (empty, binary, unknown format, too large) changes nothing and gets one clear
 * message; a cancel rolls back the whole call. Malformed rows never abort a file: they go to
 * load_errors with file, line, column, value and what was expected.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  begin, BulkWriter, DEFAULT_CACHE_KIB, setCacheSize, commit, release, rollback, rollbackTo, savepoint,
} from '../db/bulk';
import { ChunkInserter } from '../db/chunk-insert';
import { addDictionaryCodes } from '../db/codes';
import type { Workspace } from '../db/workspace';
import { batchRecords, CsvReader } from './csv';
import { detectFormat } from './detect';
import { FileLoad } from './file-load';
import type { FormatId } from './format';
import { loadOneOffloaded } from './load-offloaded';
import {
  LoadCancelled,
  type FileLoadSummary, type LoadOptions, type LoadResult,
} from './load-steps';
import { defaultParseWorker, ParseClient } from './parse-client';
import { RowChunkEncoder } from './row-chunk';
import { RowSink } from './row-sink';
import { tableRowWriter } from './run-order';
import { CsvFileError } from './text-decode';

export { LoadCancelled } from './load-steps';
export type { FileLoadSummary, FileStatus, LoadOptions, LoadProgress, LoadResult } from './load-steps';

/**
 * Page cache during a load: the number index takes its inserts a key range at a time (run-order.ts),
 * and with SQLite's default 2 MB cache each range's pages would be re-read and re-written through
 * sql.js's in-memory file. But dirty pages only leave the cache when it is full or at COMMIT, which
 * writes them all in ONE blocking call: a 128 MB cache made COMMIT block 1.2 s on 1M rows, and 32 MB
 * blocked 80–110 ms at the end of a 200k-row `_MobileSubscription` (wide rows). 16 MB keeps COMMIT
 * under ~50 ms; inserting a 1M-row log's chunks took 3.4–3.8 s with it against 3.8–4.7 s with 32 MB.
 */
export const LOAD_CACHE_KIB = Number(process.env.OPTTRACE_LOAD_CACHE_KIB ?? 16_384);

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
    addDictionaryCodes(ws); // message tracking's codes were merged as each file finished (FileLoad.finish)
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

/**
 * Files below this size load in-thread unless a worker is named: starting a worker costs ~70 ms, about
 * what parsing 0.6 MB in-thread costs, and a small file's in-thread work is sliced anyway.
 */
const OFFLOAD_MIN_BYTES = 2 * 1024 ** 2;
const fileBytes = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the in-thread reader reports what is wrong with the path
  }
};

/** Starts a parse worker ahead when any of `paths` will be loaded with one (files just picked). */
export function prewarmFor(paths: readonly string[]): void {
  if (paths.some((p) => fileBytes(p) >= OFFLOAD_MIN_BYTES)) ParseClient.prewarm(defaultParseWorker());
}

/** With the parse worker when there is one (falling back in-thread when it cannot start), else in-thread. */
async function loadOne(ws: Workspace, path: string, opts: LoadOptions): Promise<FileLoadSummary> {
  const script = opts.parseWorker ?? (fileBytes(path) >= OFFLOAD_MIN_BYTES ? defaultParseWorker() : undefined);
  if (script) {
    const offloaded = await loadOneOffloaded(ws, path, opts, script);
    if (offloaded) return offloaded;
  }
  return loadOneInThread(ws, path, opts);
}

/**
 * In-thread: the same RowSink, runs grouped by number and chunk encoding as the parse worker, inserted by the same
 * ChunkInserter, so both paths make the same inserts in the same order. Only a sql.js build without
 * the low-level exports falls back to BulkWriter (Statement.bind), in file order.
 */
async function loadOneInThread(ws: Workspace, path: string, opts: LoadOptions): Promise<FileLoadSummary> {
  const reader = await CsvReader.open(path);
  let inserter: ChunkInserter | undefined;
  try {
    const detection = detectFormat(reader.info.header, opts.formatOverride);
    if (!detection.ok) throw detection.error;
    const { format, index } = detection;
    const file = new FileLoad(ws, path, reader.info, format, opts);
    const ins = (inserter = ChunkInserter.create(ws, [format.table, 'load_errors']));
    const enc = new RowChunkEncoder();
    const sink = ins
      ? new RowSink(file.sourceId, format, index, tableRowWriter(enc, format.table, reader.info.totalBytes), enc.writer(1), reader.info.totalBytes)
      : new RowSink(file.sourceId, format, index, new BulkWriter(ws, format.table), new BulkWriter(ws, 'load_errors'), reader.info.totalBytes);
    const insertReady = async (final = false): Promise<void> => {
      if (!ins) return;
      for (const { chunk } of enc.takeAll(final)) {
        await file.insertChunk(ins, chunk);
        enc.recycle(chunk.bytes.buffer as ArrayBuffer, chunk.cells.buffer as ArrayBuffer);
      }
    };
    for await (const batch of reader.batches(sink.wantsBytes)) {
      // Time-sliced: yield to the event loop every ~25 ms even inside a batch.
      const records = batchRecords(batch);
      for (let from = 0; from < records; ) {
        from = sink.addBatch(batch, from, file.sliceEnd);
        await insertReady();
        if (from < records) await file.yieldNow();
      }
      await file.afterBatch(sink.rowsSeen, batch.bytesRead);
    }
    sink.finish();
    await insertReady(true);
    return file.finish({ sha256: reader.sha256(), sizeBytes: reader.bytesRead, ...sink.totals() });
  } finally {
    inserter?.free();
    await reader.close();
  }
}
