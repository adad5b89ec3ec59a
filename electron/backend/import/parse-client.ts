/**
 * The loader's side of a parse worker: finds the worker bundle, starts one worker per file and turns
 * its messages into an awaitable queue that a cancel interrupts at once.
 */
import { Worker } from 'node:worker_threads';
import { workerBundle } from '../worker-bundle';
import type { FromWorker, ParseJob, ToWorker } from './parse-protocol';
import type { RowChunk } from './row-chunk';

export const PARSE_WORKER_FILE = 'parse-worker.cjs';

/** The parse worker bundle (`OPTTRACE_PARSE_WORKER`: another file, or `off` to parse in-thread): see worker-bundle.ts. */
export const defaultParseWorker = (): string | undefined => workerBundle(PARSE_WORKER_FILE, 'OPTTRACE_PARSE_WORKER');

export class ParseClient {
  private readonly worker: Worker;
  private readonly queue: FromWorker[] = [];
  private waiting: ((m: FromWorker) => void) | undefined;

  constructor(script: string, job: ParseJob) {
    this.worker = new Worker(script, { workerData: job });
    this.worker.on('message', (m: FromWorker) => this.push(m));
    this.worker.on('error', (e: Error) => this.push({ type: 'failed', message: `the parse worker stopped: ${e.message}`, crashed: true }));
    this.worker.on('exit', (code) => this.push({ type: 'failed', message: `the parse worker exited (code ${code})`, crashed: true }));
  }

  private push(m: FromWorker): void {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w(m);
    } else this.queue.push(m);
  }

  /** The next message; rejects with `cancelled()` as soon as `signal` aborts. */
  next(signal: AbortSignal | undefined, cancelled: () => Error): Promise<FromWorker> {
    const m = this.queue.shift();
    if (m) return Promise.resolve(m);
    if (signal?.aborted) return Promise.reject(cancelled());
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.waiting = undefined;
        reject(cancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting = (msg) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(msg);
      };
    });
  }

  send(msg: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(msg, transfer);
  }

  /** Hands an inserted chunk's buffers back for the worker to reuse (transferred). */
  ack(chunk: RowChunk): void {
    const bytes = chunk.bytes.buffer as ArrayBuffer;
    const cells = chunk.cells.buffer as ArrayBuffer;
    this.send({ type: 'ack', bytes, cells }, [bytes, cells]);
  }

  /** Ends the worker (done, failed or cancelled); its pending messages are dropped. */
  stop(): void {
    this.worker.removeAllListeners();
    this.worker.on('error', () => undefined); // an error racing the terminate must not crash the app
    void this.worker.terminate();
  }
}
