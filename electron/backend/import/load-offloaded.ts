/**
 * One file loaded with the parse worker: the worker reads, decodes, parses, normalizes and checks
 * rows (the in-thread loader's own code) while this thread only inserts its RowChunks, in the same
 * order, so the workspace ends up byte-identical to an in-thread load. Same savepoint, progress,
 * size guard, cancel and summary as loadOneInThread (load.ts).
 */
import { basename } from 'node:path';
import { databaseBytes, finishSource, insertSource, restoreIndexes, suspendIndexes } from '../db/bulk';
import { ChunkInserter } from '../db/chunk-insert';
import type { Workspace } from '../db/workspace';
import { formatById } from './detect';
import {
  DEFAULT_MAX_DB_BYTES, fileSummary, GROWTH_PER_CSV_BYTE, LoadCancelled, progress, SIZE_CHECK_BATCHES, SLICE_MS, sourceRecord, tooLarge, yieldToEventLoop,
  type FileLoadSummary, type LoadOptions,
} from './load-steps';
import { ParseClient } from './parse-client';
import type { FromWorker } from './parse-protocol';
import type { RowChunk } from './row-chunk';
import { CsvFileError } from './text-decode';

/** Chunks (one per ~256 KB of CSV, ~0.4 MB encoded) the worker may run ahead of the inserts. */
const MAX_IN_FLIGHT = 16;

const failure = (m: { code?: string; message: string }): Error =>
  m.code ? new CsvFileError(m.code as CsvFileError['code'], m.message) : new Error(m.message);

/** Undefined when the worker cannot start (or this sql.js lacks the low-level exports): load in-thread then. */
export async function loadOneOffloaded(ws: Workspace, path: string, opts: LoadOptions, script: string): Promise<FileLoadSummary | undefined> {
  if (!ChunkInserter.supported(ws)) return undefined;
  let client: ParseClient;
  try {
    client = new ParseClient(script, { path, maxInFlight: MAX_IN_FLIGHT, ...(opts.formatOverride ? { formatOverride: opts.formatOverride } : {}) });
  } catch {
    return undefined;
  }
  let inserter: ChunkInserter | undefined;
  const next = (): Promise<FromWorker> => client.next(opts.signal, () => new LoadCancelled());
  try {
    const first = await next();
    if (first.type === 'failed' && first.crashed) return undefined;
    if (first.type === 'failed') throw failure(first);
    if (first.type !== 'info') throw new Error(`the parse worker sent ${first.type} before the header`);
    const { info } = first;
    const format = formatById(first.format);
    const fileName = basename(path);
    const maxBytes = opts.maxDatabaseBytes ?? DEFAULT_MAX_DB_BYTES;
    const startBytes = databaseBytes(ws);
    if (startBytes + info.totalBytes * GROWTH_PER_CSV_BYTE > maxBytes) throw tooLarge(info.totalBytes, startBytes, maxBytes);

    const sourceId = insertSource(ws, sourceRecord(fileName, info, format.id, opts));
    const indexes = opts.deferIndexes ? suspendIndexes(ws, format.table) : [];
    const ins = (inserter = ChunkInserter.create(ws, [format.table, 'load_errors'])!);
    client.send({ type: 'start', sourceId });
    const started = Date.now();
    let sliceStart = performance.now();
    const yieldNow = async (): Promise<void> => {
      await yieldToEventLoop();
      if (opts.signal?.aborted) throw new LoadCancelled();
      sliceStart = performance.now();
    };
    // Time-sliced like the in-thread loader: yield every ~25 ms, even inside a chunk.
    const insert = async (chunk: RowChunk): Promise<void> => {
      ins.start(chunk);
      while (!ins.insertSome(sliceStart + SLICE_MS)) await yieldNow();
    };
    for (let chunkNo = 1; ; chunkNo++) {
      const m = await next();
      if (m.type === 'failed') throw failure(m);
      if (m.type === 'info') throw new Error('the parse worker sent a second header');
      await insert(m.chunk);
      if (m.type === 'done') {
        restoreIndexes(ws, indexes);
        const t = m.totals;
        finishSource(ws, sourceId, { sha256: t.sha256, sizeBytes: t.bytesRead, rowsLoaded: t.loaded, rowsRejected: t.rejected, warnings: t.warnings });
        return fileSummary(path, format, { ...t, sizeBytes: t.bytesRead });
      }
      const { bytes, cells } = m.chunk;
      client.send({ type: 'ack', bytes: bytes.buffer as ArrayBuffer, cells: cells.buffer as ArrayBuffer }, [bytes.buffer as ArrayBuffer, cells.buffer as ArrayBuffer]);
      opts.onProgress?.(progress(fileName, started, m.rowsSeen, m.bytesRead, info.totalBytes));
      if (chunkNo % SIZE_CHECK_BATCHES === 0 && databaseBytes(ws) > maxBytes) throw tooLarge(info.totalBytes, startBytes, maxBytes, m.rowsSeen);
      if (performance.now() - sliceStart > SLICE_MS / 2) await yieldNow();
      if (opts.signal?.aborted) throw new LoadCancelled();
    }
  } finally {
    client.stop();
    inserter?.free();
  }
}
