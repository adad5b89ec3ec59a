/**
 * Parse worker entry (bundled as parse-worker.cjs next to each app bundle): reads, decodes, parses,
 * normalizes and checks one CSV file exactly as the in-thread loader does, and posts the rows as
 * RowChunks, so the thread that owns SQLite only binds and steps. See parse-protocol.ts.
 */
import { parentPort } from 'node:worker_threads';
import { CsvReader } from './csv';
import { detectFormat } from './detect';
import { ProgressGate } from './load-steps';
import type { FromWorker, ParseJob, ToWorker } from './parse-protocol';
import { chunkBytes, RowChunkEncoder } from './row-chunk';
import { RowSink } from './row-sink';
import { tableRowWriter } from './run-order';
import { CsvFileError } from './text-decode';
import { lowerThreadPriority } from '../thread-nice';

const port = parentPort!;
lowerThreadPriority();
const post = (msg: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(msg, transfer);

const enc = new RowChunkEncoder();
/** Bytes of each chunk posted and not yet acknowledged, oldest first (acks come in order). */
const inFlight: number[] = [];
let inFlightBytes = 0;
let wake: (() => void) | undefined;
let started: ((sourceId: number) => void) | undefined;
port.on('message', (msg: ToWorker) => {
  if (msg.type === 'job') void runJob(msg.job);
  else if (msg.type === 'start') started?.(msg.sourceId);
  else {
    enc.recycle(msg.bytes, msg.cells);
    inFlightBytes -= inFlight.shift() ?? 0;
    wake?.();
    wake = undefined;
  }
});

async function run(job: ParseJob): Promise<void> {
  const reader = await CsvReader.open(job.path);
  try {
    const detection = detectFormat(reader.info.header, job.formatOverride);
    if (!detection.ok) throw detection.error;
    const sourceIdReady = new Promise<number>((resolve) => (started = resolve));
    post({ type: 'info', info: reader.info, format: detection.format.id });
    const sourceId = await sourceIdReady;
    const sink = new RowSink(sourceId, detection.format, detection.index, tableRowWriter(enc, detection.format.table, reader.info.totalBytes), enc.writer(1), reader.info.totalBytes);
    const send = async (parts: ReturnType<RowChunkEncoder['takeAll']>): Promise<void> => {
      for (const { chunk, transfer } of parts) {
        // Backpressure: parsing runs ahead of the inserts by at most maxInFlightBytes (one chunk at least).
        while (inFlight.length > 0 && inFlightBytes >= job.maxInFlightBytes) await new Promise<void>((resolve) => (wake = resolve));
        const size = chunkBytes(chunk);
        inFlight.push(size);
        inFlightBytes += size;
        post({ type: 'chunk', chunk }, transfer);
      }
    };
    const gate = new ProgressGate(reader.info.totalBytes);
    for await (const batch of reader.batches(sink.wantsBytes)) {
      sink.addBatch(batch);
      // Rows wait in runs (run-order.ts), so a batch gives any number of chunks; progress goes through
      // the same gate as in-thread (load-steps.ts), so both paths report the same batches.
      await send(enc.takeAll());
      if (gate.open(batch.bytesRead)) post({ type: 'progress', rowsSeen: sink.rowsSeen, bytesRead: batch.bytesRead });
    }
    sink.finish();
    const parts = enc.takeAll(true);
    const { chunk, transfer } = parts.pop()!;
    await send(parts);
    const totals = { sha256: reader.sha256(), bytesRead: reader.bytesRead, ...sink.totals() };
    post({ type: 'done', chunk, totals }, transfer);
  } finally {
    await reader.close();
  }
}

const runJob = (job: ParseJob): Promise<void> =>
  run(job).catch((e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    post(e instanceof CsvFileError ? { type: 'failed', code: e.code, message } : { type: 'failed', message });
  });
