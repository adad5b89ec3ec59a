/**
 * Verdict worker entry (bundled as verdict-worker.cjs next to each app bundle): reconstructs and
 * replays the verdict table's batches (verdict-rows.ts, the in-thread build's own code) while the
 * thread that owns SQLite reads the next batch's evidence and writes the last one's rows.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { KeywordResolver } from '../history/keywords';
import { flatten, type FromVerdictWorker, type VerdictBatchMessage, type VerdictJob } from './verdict-protocol';
import { verdictRows } from './verdict-rows';

const port = parentPort!;
const job = workerData as VerdictJob;
const resolver = new KeywordResolver(job.keywords);

port.on('message', (m: VerdictBatchMessage) => {
  let answer: FromVerdictWorker;
  try {
    answer = { type: 'rows', id: m.id, flat: flatten(verdictRows(m.raw, job.sources, resolver, job.rulebook)) };
  } catch (e) {
    answer = { type: 'failed', id: m.id, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(answer);
});
