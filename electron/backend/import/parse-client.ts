/**
 * The loader's side of a parse worker: finds the worker bundle, starts one worker per file and turns
 * its messages into an awaitable queue that a cancel interrupts at once.
 */
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ParseJob, ToWorker } from './parse-protocol';

export const PARSE_WORKER_FILE = 'parse-worker.cjs';

/**
 * The worker bundle next to the running bundle (dist/main, dist/cli, dist/bench), preferring
 * app.asar.unpacked (where packaging puts it: older Electron versions cannot start a Worker from
 * inside an asar archive). OPTTRACE_PARSE_WORKER names another file, or `off` to parse in-thread;
 * tests point it at a freshly built bundle (test/support/parse-worker-setup.ts). Undefined when
 * there is none, e.g. when running TypeScript sources: then the loader parses in-thread.
 */
export function defaultParseWorker(): string | undefined {
  const env = process.env.OPTTRACE_PARSE_WORKER;
  if (env) return env === 'off' ? undefined : env;
  if (typeof __dirname !== 'string') return undefined;
  const here = join(__dirname, PARSE_WORKER_FILE);
  const unpacked = here.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
  return [unpacked, here].find((p) => existsSync(p));
}

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

  /** Ends the worker (done, failed or cancelled); its pending messages are dropped. */
  stop(): void {
    this.worker.removeAllListeners();
    this.worker.on('error', () => undefined); // an error racing the terminate must not crash the app
    void this.worker.terminate();
  }
}
