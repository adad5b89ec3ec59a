/**
 * The load's two halves timed apart, in a fresh process (`--load-stages FILE`, run by the load bench):
 * 1. parse: the parse worker alone — it reads, decodes, parses, normalizes and encodes the file while
 *    this thread only keeps a copy of each chunk and hands the buffers straight back;
 * 2. insert: this thread alone inserting those chunks into a fresh workspace with the loader's own
 *    ChunkInserter, page cache and transaction — with the live number index, then without any index.
 * The full load runs the two at once on two cores, so it cannot finish before the slower of them: a
 * run where either half alone takes longer than the target says the VM was too slow for it then.
 */
import { execFileSync } from 'node:child_process';
import { begin, commit, insertSource, savepoint, setCacheSize, suspendIndexes } from '../../electron/backend/db/bulk';
import { ChunkInserter } from '../../electron/backend/db/chunk-insert';
import { Workspace } from '../../electron/backend/db/workspace';
import { formatById } from '../../electron/backend/import/detect';
import { LOAD_CACHE_KIB } from '../../electron/backend/import/load';
import { defaultParseWorker, ParseClient } from '../../electron/backend/import/parse-client';
import type { FromWorker } from '../../electron/backend/import/parse-protocol';
import type { RowChunk } from '../../electron/backend/import/row-chunk';

const now = (): number => performance.now() / 1000;

export interface LoadStages {
  parseSeconds: number;
  /** The process's CPU during the parse pass less this thread's: the worker (and its GC) alone. */
  parseWorkerCpuSeconds: number;
  insertSeconds: number;
  insertNoIndexSeconds: number;
  rows: number;
}

const copyOf = (c: RowChunk): RowChunk => ({ bytes: c.bytes.slice(), cells: c.cells.slice(), doubles: c.doubles.slice(), records: c.records, ...(c.order ? { order: c.order.slice() } : {}) });

/** Pass 1: every chunk the worker makes, in order; throws on any failure (the bench file is valid). */
async function parseAlone(path: string): Promise<{ chunks: RowChunk[]; table: string; seconds: number; workerCpu: number }> {
  const script = defaultParseWorker();
  if (!script) throw new Error('load stages: no parse worker bundle next to this one (build with scripts/build.mjs bench)');
  const cpu0 = process.cpuUsage();
  const t0 = now();
  const client = new ParseClient(script, { path, maxInFlightBytes: 96 << 20 });
  const chunks: RowChunk[] = [];
  let table = '';
  let copyCpu = 0;
  try {
    for (;;) {
      const m: FromWorker = await client.next(undefined, () => new Error('cancelled'));
      if (m.type === 'failed') throw new Error(`load stages: ${m.message}`);
      if (m.type === 'info') {
        table = formatById(m.format).table;
        client.send({ type: 'start', sourceId: 1 });
      } else if (m.type === 'chunk' || m.type === 'done') {
        const c = process.cpuUsage();
        chunks.push(copyOf(m.chunk));
        const d = process.cpuUsage(c);
        copyCpu += (d.user + d.system) / 1e6;
        if (m.type === 'done') break;
        client.ack(m.chunk);
      }
    }
  } finally {
    client.stop();
  }
  const seconds = now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // This thread only waited and copied: what is left of the process's CPU is the worker's.
  return { chunks, table, seconds, workerCpu: (cpu.user + cpu.system) / 1e6 - copyCpu };
}

/** Pass 2: the chunks inserted as the loader does (cache, transaction, savepoint), no yields. */
async function insertAlone(chunks: readonly RowChunk[], table: string, withIndex: boolean): Promise<{ seconds: number; rows: number }> {
  const ws = await Workspace.create();
  try {
    if (!withIndex) suspendIndexes(ws, table);
    setCacheSize(ws, LOAD_CACHE_KIB);
    const t0 = now();
    begin(ws);
    savepoint(ws, 'stages');
    insertSource(ws, { fileName: 'stages.csv', sizeBytes: 0, sha256: '', format: 'stages', encoding: 'utf-8', delimiter: ',', header: [], loadedAt: '' });
    const ins = ChunkInserter.create(ws, [table as never, 'load_errors'])!;
    for (const c of chunks) {
      ins.start(c);
      ins.insertSome();
    }
    ins.free();
    commit(ws);
    const seconds = now() - t0;
    return { seconds, rows: Number(ws.scalar(`SELECT COUNT(*) FROM ${table}`)) };
  } finally {
    ws.close();
  }
}

export async function loadStages(path: string): Promise<LoadStages> {
  const parsed = await parseAlone(path);
  const withIndex = await insertAlone(parsed.chunks, parsed.table, true);
  const noIndex = await insertAlone(parsed.chunks, parsed.table, false);
  return { parseSeconds: parsed.seconds, parseWorkerCpuSeconds: parsed.workerCpu, insertSeconds: withIndex.seconds, insertNoIndexSeconds: noIndex.seconds, rows: withIndex.rows };
}

/** `--load-stages FILE`: one JSON line of LoadStages. */
export async function printLoadStages(path: string): Promise<void> {
  console.log(JSON.stringify(await loadStages(path)));
}

/** The stages in a fresh process (this bundle again), so neither pass inherits the bench's heap or wasm memory. */
export function loadStagesInChild(path: string, rows: number): LoadStages {
  const out = execFileSync(process.execPath, [process.argv[1]!, '--load-stages', path], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as LoadStages;
  if (r.rows !== rows) throw new Error(`load stages: inserted ${r.rows} of ${rows} rows`);
  return r;
}
