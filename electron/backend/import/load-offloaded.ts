/**
 * One file loaded with the parse worker: the worker reads, decodes, parses, normalizes and checks
 * rows (the in-thread loader's own code) while this thread only inserts its RowChunks, in the same
 * order, so the workspace ends up byte-identical to an in-thread load. Same savepoint, progress,
 * size guard, cancel and summary as loadOneInThread (load.ts).
 */
import { ChunkInserter } from '../db/chunk-insert';
import type { Workspace } from '../db/workspace';
import { formatById } from './detect';
import { FileLoad } from './file-load';
import { LoadCancelled, type FileLoadSummary, type LoadOptions } from './load-steps';
import { ParseClient } from './parse-client';
import type { FromWorker } from './parse-protocol';
import { MAX_RUN_BYTES } from './run-order';
import { CsvFileError } from './text-decode';

/**
 * How far (encoded bytes) the worker may run ahead of the inserts: two of its largest runs
 * (run-order.ts: at most MAX_RUN_BYTES each), so it parses the next run while this thread inserts the
 * last one, whatever the format's row width.
 */
const MAX_IN_FLIGHT_BYTES = 2 * MAX_RUN_BYTES + (8 << 20);

const failure = (m: { code?: string; message: string }): Error =>
  m.code ? new CsvFileError(m.code as CsvFileError['code'], m.message) : new Error(m.message);

/** Undefined when the worker cannot start (or this sql.js lacks the low-level exports): load in-thread then. */
export async function loadOneOffloaded(ws: Workspace, path: string, opts: LoadOptions, script: string): Promise<FileLoadSummary | undefined> {
  if (!ChunkInserter.supported(ws)) return undefined;
  let client: ParseClient;
  try {
    client = new ParseClient(script, { path, maxInFlightBytes: MAX_IN_FLIGHT_BYTES, ...(opts.formatOverride ? { formatOverride: opts.formatOverride } : {}) });
  } catch {
    return undefined;
  }
  let inserter: ChunkInserter | undefined;
  let workerRan = false;
  const next = (): Promise<FromWorker> => client.next(opts.signal, () => new LoadCancelled());
  try {
    const first = await next();
    if (first.type === 'failed' && first.crashed) return undefined;
    workerRan = true;
    if (first.type === 'failed') throw failure(first);
    if (first.type !== 'info') throw new Error(`the parse worker sent ${first.type} before the header`);
    const format = formatById(first.format);
    const file = new FileLoad(ws, path, first.info, format, opts);
    const ins = (inserter = ChunkInserter.create(ws, [format.table, 'load_errors'])!);
    client.send({ type: 'start', sourceId: file.sourceId });
    for (;;) {
      const m = await next();
      if (m.type === 'failed') throw failure(m);
      if (m.type === 'info') throw new Error('the parse worker sent a second header');
      if (m.type === 'progress') {
        await file.afterBatch(m.rowsSeen, m.bytesRead);
        continue;
      }
      await file.insertChunk(ins, m.chunk);
      if (m.type === 'done') return file.finish({ ...m.totals, sizeBytes: m.totals.bytesRead });
      client.ack(m.chunk);
    }
  } finally {
    client.stop();
    inserter?.free();
    if (workerRan) ParseClient.prewarm(script); // for the next file, started while this one's summary is made
  }
}
