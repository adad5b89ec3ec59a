/**
 * The parse worker changes where the work runs, never what is stored: for the same input, a load
 * through the worker and an in-thread load give byte-identical workspaces, results and progress.
 */
import { appendFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSubscriptionLog } from '../../../electron/backend/demo/big-log';
import { Workspace } from '../../../electron/backend/db/workspace';
import { loadFiles, prewarmFor, type LoadOptions, type LoadProgress } from '../../../electron/backend/import/load';
import { ParseClient } from '../../../electron/backend/import/parse-client';
import { FIXTURES, fingerprint, newWorkspace } from '../../support/backend';

const worker = process.env.OPTTRACE_PARSE_WORKER!;
const now = (): string => '2026-01-01T00:00:00.000Z';
const files = [
  ...readdirSync(FIXTURES).filter((f) => !f.startsWith('demo')).map((f) => join(FIXTURES, f)),
  ...readdirSync(join(FIXTURES, 'demo-small')).map((f) => join(FIXTURES, 'demo-small', f)),
];

let big = '';
/** Both loads start from the same bytes: a new workspace records its creation time. */
let empty: Uint8Array;
beforeAll(async () => {
  empty = (await newWorkspace()).exportBytes();
  big = join(mkdtempSync(join(tmpdir(), 'ot-worker-')), 'log.csv');
  await generateSubscriptionLog(big, 25_000);
  // Rows that take every branch: a duplicate, warnings, a rejected row, non-ASCII text, a quoted newline.
  appendFileSync(big, [
    '4/23/2025 9:05:00 AM,SK1,1,4DB5E7F4-E08E-40C0-B939-A6AEBD50797A,15551230001,0,,,2,12,4/23/2025 9:05:00 AM,12,4/23/2025 9:05:00 AM,4/23/2025 9:05:00 AM',
    '4/23/2025 9:05:00 AM,SK1,1,4DB5E7F4-E08E-40C0-B939-A6AEBD50797A,15551230001,0,,,2,12,4/23/2025 9:05:00 AM,12,4/23/2025 9:05:00 AM,4/23/2025 9:05:00 AM',
    '4/23/2025 9:05:00 AM,SKé,2,4DB5E7F4-E08E-40C0-B939-A6AEBD50797A,5551230002,0,,,2,99,4/23/2025 9:05:00 AM,"Café ☕ 🚀",4/23/2025 9:05:00 AM,',
    '13/45/2025 9:05:00 AM,SK3,3,4DB5E7F4-E08E-40C0-B939-A6AEBD50797A,15551230003,0,,,2,12,4/23/2025 9:05:00 AM,12,,',
    '4/23/2025 9:05:00 AM,SK4,4,4DB5E7F4-E08E-40C0-B939-A6AEBD50797A,15551230004,0,,,2,12,4/23/2025 9:05:00 AM,"two\r\nlines",,',
    '',
  ].join('\r\n'));
});

async function load(paths: readonly string[], opts: LoadOptions) {
  const ws = await Workspace.open(empty);
  const progress: Omit<LoadProgress, 'rowsPerSecond' | 'etaSeconds'>[] = [];
  const result = await loadFiles(ws, paths.map((path) => ({ path })), {
    now, ...opts, onProgress: ({ file, rows, bytes, totalBytes }) => progress.push({ file, rows, bytes, totalBytes }),
  });
  return { result, progress, ...fingerprint(ws) };
}

describe('the parse worker stores exactly what the in-thread load stores', () => {
  it.each(files.map((f) => [f.slice(FIXTURES.length + 1), f]))('%s', async (_name, path) => {
    const inThread = await load([path], { parseWorker: false });
    const offloaded = await load([path], { parseWorker: worker });
    expect(offloaded.result).toEqual(inThread.result);
    expect(offloaded.progress).toEqual(inThread.progress);
    expect(offloaded.counts).toEqual(inThread.counts);
    expect(offloaded.bytes.equals(inThread.bytes)).toBe(true);
  });

  it('all fixtures and a generated 25,000-row log in one call (savepoints, warnings, duplicates, UTF-8)', async () => {
    const inThread = await load([...files, big], { parseWorker: false });
    const offloaded = await load([...files, big], { parseWorker: worker });
    const bigFile = offloaded.result.files.at(-1)!;
    expect(bigFile).toMatchObject({ status: 'loaded', rowsLoaded: 25_004, rowsRejected: 1 });
    expect(bigFile.warnings).toBeGreaterThanOrEqual(3);
    expect(offloaded.result).toEqual(inThread.result);
    expect(offloaded.progress).toEqual(inThread.progress);
    expect(offloaded.bytes.equals(inThread.bytes)).toBe(true);
  });

  it('deferred indexes give the same workspace too', async () => {
    const inThread = await load([big], { parseWorker: false, deferIndexes: true });
    const offloaded = await load([big], { parseWorker: worker, deferIndexes: true });
    expect(offloaded.result).toEqual(inThread.result);
    expect(offloaded.bytes.equals(inThread.bytes)).toBe(true);
  });

  it('falls back to loading in-thread when the worker cannot start', async () => {
    const inThread = await load([big], { parseWorker: false });
    const fallback = await load([big], { parseWorker: join(tmpdir(), 'no-such-parse-worker.cjs') });
    expect(fallback.result).toEqual(inThread.result);
    expect(fallback.bytes.equals(inThread.bytes)).toBe(true);
  });
});

describe('a parse worker started ahead', () => {
  it('is taken by the next load, which stores the same, and the load leaves another for the file after', async () => {
    prewarmFor([big]);
    expect(ParseClient.hasSpare(worker)).toBe(true);
    const spareDuringLoad: boolean[] = [];
    const ws = await Workspace.open(empty);
    const r = await loadFiles(ws, [{ path: big }], { now, parseWorker: worker, onProgress: () => spareDuringLoad.push(ParseClient.hasSpare(worker)) });
    expect(spareDuringLoad.length).toBeGreaterThan(0);
    expect(spareDuringLoad.every((s) => !s)).toBe(true);
    expect(ParseClient.hasSpare(worker)).toBe(true);
    const inThread = await load([big], { parseWorker: false });
    expect(r).toEqual(inThread.result);
    expect(fingerprint(ws).bytes.equals(inThread.bytes)).toBe(true);
  });
});

describe('a spare parse worker left unused', () => {
  it('is ended after two minutes', () => {
    const idle = join(mkdtempSync(join(tmpdir(), 'ot-idle-worker-')), 'idle-worker.cjs');
    writeFileSync(idle, `require('node:worker_threads').parentPort.on('message', () => undefined);`);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      ParseClient.prewarm(idle);
      expect(ParseClient.hasSpare(idle)).toBe(true);
      vi.advanceTimersByTime(119_000);
      expect(ParseClient.hasSpare(idle)).toBe(true);
      vi.advanceTimersByTime(1_000);
      expect(ParseClient.hasSpare(idle)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a parse worker that dies mid-file', () => {
  it('fails that file alone (rolled back, "internal") and the workspace is as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ot-dying-worker-'));
    const script = join(dir, 'dying-worker.cjs');
    // Sends a valid header, then exits before any rows: a crash after the source row exists.
    writeFileSync(script, `const { parentPort } = require('node:worker_threads');
      parentPort.postMessage({ type: 'info', format: 'sms-subscription-log',
        info: { header: ['LogDate'], delimiter: ',', encoding: 'utf-8', bom: false, totalBytes: 10 } });
      parentPort.once('message', () => process.exit(3));`);
    const ws = await Workspace.open(empty);
    const before = fingerprint(ws);
    const r = await loadFiles(ws, [{ path: big }], { parseWorker: script });
    expect(r.files[0]).toMatchObject({ status: 'failed', errorCode: 'internal' });
    expect(r.files[0]!.message).toMatch(/parse worker exited \(code 3\)/);
    expect(fingerprint(ws).counts).toEqual(before.counts);
  });
});
