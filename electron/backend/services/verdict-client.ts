/**
 * The verdict build's side of its worker: finds the bundle, starts it with the rulebook and keyword
 * rows, and turns each batch into a promise of its table rows (answers come back in order).
 */
import { Worker } from 'node:worker_threads';
import type { RawEvidence } from '../db/evidence-batch';
import { workerBundle } from '../worker-bundle';
import { unflatten, type FromVerdictWorker, type VerdictBatchMessage, type VerdictJob } from './verdict-protocol';
import type { VerdictRow } from './verdict-rows';

export const VERDICT_WORKER_FILE = 'verdict-worker.cjs';
const YOUNG_GENERATION_MB = 64;

/** The worker crashed or could not start: the build starts over in-thread (a batch's own error is not this). */
export class VerdictWorkerLost extends Error {}

/** The verdict worker bundle (`OPTTRACE_VERDICT_WORKER`: another file, or `off` to build in-thread): see worker-bundle.ts. */
export const defaultVerdictWorker = (): string | undefined => workerBundle(VERDICT_WORKER_FILE, 'OPTTRACE_VERDICT_WORKER');

export class VerdictClient {
  private readonly worker: Worker;
  private readonly waiting: { resolve(rows: VerdictRow[]): void; reject(e: Error): void }[] = [];
  private nextId = 0;
  private lost: Error | undefined;

  constructor(script: string, job: VerdictJob) {
    // A batch's evidence, histories and replay stay alive until its rows are made, so with V8's default
    // young generation every scavenge copied them: 7.1 of the worker's 17.2 s went to GC on 1.57M numbers.
    // 64 MB: that build 17.4 -> 14.4 s, the desktop bench's 8.5 -> 8.0 s (128 MB no better).
    this.worker = new Worker(script, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    this.worker.on('message', (m: FromVerdictWorker) => {
      const w = this.waiting.shift();
      if (!w) return;
      if (m.type === 'rows') w.resolve(unflatten(m.flat));
      else w.reject(new Error(m.message));
    });
    this.worker.on('error', (e: Error) => this.fail(new VerdictWorkerLost(`the verdict worker stopped: ${e.message}`)));
    this.worker.on('exit', (code) => this.fail(new VerdictWorkerLost(`the verdict worker exited (code ${code})`)));
  }

  /** The table rows of a batch's numbers; batches are answered in the order they were sent. */
  compute(raw: RawEvidence): Promise<VerdictRow[]> {
    if (this.lost) return Promise.reject(this.lost);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage({ id: this.nextId++, raw } satisfies VerdictBatchMessage);
    });
  }

  private fail(e: Error): void {
    this.lost ??= e;
    for (const w of this.waiting.splice(0)) w.reject(this.lost);
  }

  stop(): void {
    this.worker.removeAllListeners();
    this.worker.on('error', () => undefined); // an error racing the terminate must not crash the app
    void this.worker.terminate();
  }
}
