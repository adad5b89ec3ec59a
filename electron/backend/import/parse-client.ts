/**
 * The loader's side of a parse worker: finds the worker bundle, gives each file a worker of its own
 * and turns its messages into an awaitable queue that a cancel interrupts at once.
 */
import { Worker } from 'node:worker_threads';
import { workerBundle } from '../worker-bundle';
import type { FromWorker, ParseJob, ToWorker } from './parse-protocol';
import type { RowChunk } from './row-chunk';

export const PARSE_WORKER_FILE = 'parse-worker.cjs';

/** The parse worker bundle (`OPTTRACE_PARSE_WORKER`: another file, or `off` to parse in-thread): see worker-bundle.ts. */
export const defaultParseWorker = (): string | undefined => workerBundle(PARSE_WORKER_FILE, 'OPTTRACE_PARSE_WORKER');

/**
 * A worker started ahead for the next file (`ParseClient.prewarm`): a worker's start-up (a thread, a
 * Node environment, the bundle) is ~120–150 ms of a load's first chunk on the 2-core VM. Unreferenced,
 * so an idle spare never keeps the process alive; one at most, and ended after SPARE_IDLE_MS unused
 * (it holds ~60 MB of RSS).
 */
let spare: { readonly script: string; readonly worker: Worker } | undefined;
const SPARE_IDLE_MS = 120_000;

export class ParseClient {
  private readonly worker: Worker;
  private readonly queue: FromWorker[] = [];
  private waiting: ((m: FromWorker) => void) | undefined;

  /**
   * Starts a spare worker of `script` unless one is there (after a load, when files are picked). Never
   * throws: a worker that cannot start is for the load that needs it to report (or to load in-thread).
   */
  static prewarm(script: string | undefined): void {
    if (!script || spare?.script === script) return;
    if (spare) void spare.worker.terminate();
    let worker: Worker;
    try {
      worker = new Worker(script);
    } catch {
      spare = undefined;
      return;
    }
    worker.unref();
    const drop = (): void => {
      if (spare?.worker === worker) spare = undefined;
    };
    worker.on('error', drop);
    worker.on('exit', drop);
    spare = { script, worker };
    setTimeout(() => {
      if (spare?.worker !== worker) return;
      spare = undefined;
      void worker.terminate();
    }, SPARE_IDLE_MS).unref();
  }

  /** Whether a spare worker of `script` is waiting (tests). */
  static hasSpare(script: string): boolean {
    return spare?.script === script;
  }

  /** Takes the spare worker of `script` if there is one, else starts a worker; either way sends it `job`. */
  constructor(script: string, job: ParseJob) {
    const taken = spare?.script === script ? spare.worker : undefined;
    if (taken) {
      spare = undefined;
      taken.removeAllListeners();
      taken.ref();
    }
    this.worker = taken ?? new Worker(script);
    this.worker.on('message', (m: FromWorker) => this.push(m));
    this.worker.on('error', (e: Error) => this.push({ type: 'failed', message: `the parse worker stopped: ${e.message}`, crashed: true }));
    this.worker.on('exit', (code) => this.push({ type: 'failed', message: `the parse worker exited (code ${code})`, crashed: true }));
    this.send({ type: 'job', job });
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
