/**
 * The precomputed per-number verdict table: every number's history reconstructed (loader's history/)
 * and replayed without records → one row per number × code × keyword, so search can filter by status
 * and verdict on millions of rows without replaying anything. Numbers go in batches (verdict-rows.ts).
 * Evidence is read in one ordered pass (db/evidence-stream.ts) and the table is written beside the
 * current one, batch by batch, then swapped in (db/contacts-build.ts).
 * With the verdict worker (verdict-client.ts) the batches are reconstructed and replayed there, two
 * at a time, while this thread reads the next batch and writes the last one's rows: what is left here
 * is SQLite's work. Without a worker bundle (TypeScript sources) or when the worker dies, the same
 * batches run in this thread; the table is the same either way.
 */
import type { Rulebook } from '../../../shared/rules';
import { ContactsBuild } from '../db/contacts-build';
import type { RawEvidence } from '../db/evidence-batch';
import { EvidenceStream, evidenceRowCount } from '../db/evidence-stream';
import type { Workspace } from '../db/workspace';
import { KeywordResolver, keywordRows } from '../history/keywords';
import { defaultVerdictWorker, VerdictClient, VerdictWorkerLost } from './verdict-client';
import { verdictRows, type VerdictRow } from './verdict-rows';

/** Work per synchronous slice (the loader's figure): batches are sized to it from the last one's speed. */
const SLICE_MS = 25;
const MIN_BATCH = 50;
const MAX_BATCH = 10_000;
/** Batches in the worker at once: it computes one while the next is read and sent. */
const IN_FLIGHT = 2;

/** `total` is estimated from the evidence rows read so far until the last report, which is exact. */
export interface BuildProgress { readonly done: number; readonly total: number; readonly ms: number }

export interface BuildOptions {
  /** The verdict worker bundle; `false` builds in this thread. Default: `defaultVerdictWorker()`. */
  readonly worker?: string | false;
}

const nextTick = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/** Yields to the event loop between batches (main stays responsive) and reports progress. */
export async function rebuildVerdicts(
  ws: Workspace, rulebook: Rulebook, onProgress?: (p: BuildProgress) => void, opts: BuildOptions = {},
): Promise<{ numbers: number; rows: number; ms: number }> {
  const t0 = performance.now();
  const totalRows = evidenceRowCount(ws);
  await nextTick(); // the count scans every number index (~50 ms at 1M rows): a slice of its own
  const stream = new EvidenceStream(ws);
  const script = opts.worker ?? defaultVerdictWorker();
  let client: VerdictClient | undefined;
  if (script) {
    try {
      client = new VerdictClient(script, { rulebook, keywords: keywordRows(ws), sources: stream.sources });
    } catch {
      client = undefined; // cannot start a worker here: build in this thread
    }
  }
  const resolver = client ? undefined : new KeywordResolver(ws);
  const compute = (raw: RawEvidence): Promise<VerdictRow[]> =>
    client ? client.compute(raw) : Promise.resolve(verdictRows(raw, stream.sources, resolver!, rulebook));
  await nextTick(); // starting the worker and reading the keywords (~40 ms at 1M rows): a slice of their own
  let build: ContactsBuild;
  try {
    build = new ContactsBuild(ws);
  } catch (e) {
    stream.close();
    client?.stop(); // a live worker would keep the process running
    throw e;
  }
  await nextTick(); // creating the new table and its indexes (~70–80 ms): a slice of its own
  let numbers = 0;
  let rows = 0;
  let batch = 500;
  // This thread's cost per number of its two steps, from the last batch of each: reading a batch (and,
  // without the worker, computing it) and writing one. A slice does one of each, so batches are sized
  // from their sum (with batches in flight, the batch written is not the one just read).
  let readMs = 0;
  let writeMs = 0;
  const depth = client ? IN_FLIGHT : 1;
  const pending: { count: number; rows: Promise<VerdictRow[]> }[] = [];
  try {
    let more = true;
    for (;;) {
      let t = performance.now();
      while (more && pending.length < depth) {
        const next = stream.next(batch, client !== undefined);
        if (next.count === 0) {
          more = false;
          break;
        }
        const rows = compute(next.raw);
        // A batch waiting its turn may fail before it is awaited (the worker died meanwhile): marked as
        // handled here, it still throws where it is awaited, instead of crashing as unhandled.
        rows.catch(() => undefined);
        pending.push({ count: next.count, rows });
        const now = performance.now();
        readMs = (now - t) / next.count;
        t = now;
      }
      const head = pending.shift();
      if (!head) break;
      const out = await head.rows;
      t = performance.now();
      build.add(out);
      writeMs = (performance.now() - t) / head.count;
      numbers += head.count;
      rows += out.length;
      batch = Math.round(Math.min(MAX_BATCH, Math.max(MIN_BATCH, SLICE_MS / Math.max(readMs + writeMs, 0.0001))));
      const total = Math.max(numbers, Math.round((numbers * totalRows) / Math.max(1, stream.rowsRead)));
      onProgress?.({ done: numbers, total, ms: performance.now() - t0 });
      await nextTick();
    }
    stream.close();
    await build.finish(nextTick);
  } catch (e) {
    stream.close();
    await build.abort(nextTick); // batches still in flight are dropped (each already has a handler) and the worker stopped
    if (e instanceof VerdictWorkerLost) return rebuildVerdicts(ws, rulebook, onProgress, { worker: false });
    throw e;
  } finally {
    client?.stop();
  }
  onProgress?.({ done: numbers, total: numbers, ms: performance.now() - t0 });
  return { numbers, rows, ms: performance.now() - t0 };
}
