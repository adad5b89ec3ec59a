import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusLabel, verdictLabel } from '../../../electron/backend/db/desk-codes';
import { ContactsBuild } from '../../../electron/backend/db/contacts-build';
import { allNumbers } from '../../../electron/backend/db/desk-queries';
import { searchContacts } from '../../../electron/backend/db/desk-search';
import type { Workspace } from '../../../electron/backend/db/workspace';
import { KeywordResolver } from '../../../electron/backend/history/keywords';
import { reconstruct } from '../../../electron/backend/history/reconstruct';
import { loadFiles } from '../../../electron/backend/import/load';
import { rebuildVerdicts } from '../../../electron/backend/services/verdict-index';
import type { ContactRow } from '../../../shared/ipc/desk-types';
import { defaultRulebook, replay } from '../../../shared/rules';
import { newWorkspace } from '../../support/backend';
import { ROOT } from './helpers';

type Row = Omit<ContactRow, 'id'>;

/**
 * The table as the spec states it: each number reconstructed alone (plain per-number queries, no
 * prefetch) and replayed alone; its subscriptions, then codes with a verdict but no subscription, else
 * one "unknown" row; sorted by code, then keyword.
 */
function oneByOne(ws: Workspace): Row[] {
  const resolver = new KeywordResolver(ws);
  const rulebook = defaultRulebook();
  const rows: Row[] = [];
  for (const n of allNumbers(ws)) {
    const final = replay(rulebook, reconstruct(ws, n, resolver).scenario, { records: 'none' }).final;
    const verdicts = new Map(final.verdicts.filter((v) => v.mobileNumber === n).map((v) => [v.code, v.verdict]));
    const own: Row[] = final.subscriptions
      .filter((s) => s.mobileNumber === n)
      .map((s) => ({ mobileNumber: n, code: s.code, keyword: s.keyword, status: s.status as Row['status'], verdict: verdicts.get(s.code) ?? 'blocked-implicit' }));
    for (const [code, verdict] of verdicts) if (!own.some((r) => r.code === code)) own.push({ mobileNumber: n, code, keyword: '', status: 'None', verdict });
    if (own.length === 0) own.push({ mobileNumber: n, code: '', keyword: '', status: 'None', verdict: 'unknown' });
    own.sort((a, b) => a.code.localeCompare(b.code) || a.keyword.localeCompare(b.keyword));
    rows.push(...own);
  }
  return rows;
}

const table = (ws: Workspace): ContactRow[] =>
  ws.all('SELECT id, number, code, keyword, status, verdict FROM desk_contacts ORDER BY id').map((r) => ({
    id: Number(r.id), mobileNumber: String(r.number), code: String(r.code), keyword: String(r.keyword), status: statusLabel(r.status), verdict: verdictLabel(r.verdict),
  }));

let ws: Workspace;
let scripts: string;
/** A stand-in verdict worker: `body` runs on each batch message `m`. */
const fakeWorker = (name: string, body: string): string => {
  const path = join(scripts, `${name}.cjs`);
  writeFileSync(path, `const { parentPort } = require('node:worker_threads');\nparentPort.on('message', (m) => { ${body} });\n`);
  return path;
};
afterAll(() => rmSync(scripts, { recursive: true, force: true }));
beforeAll(async () => {
  scripts = mkdtempSync(join(tmpdir(), 'opttrace-verdict-worker-'));
  ws = await newWorkspace();
  const dir = join(ROOT, 'assets', 'demo');
  const r = await loadFiles(ws, readdirSync(dir).map((f) => ({ path: join(dir, f) })));
  expect(r.files.every((f) => f.status === 'loaded')).toBe(true);
});

describe('verdict table (rebuildVerdicts)', () => {
  it('equals every number reconstructed and replayed on its own, in number order with ids 1..n', async () => {
    const built = await rebuildVerdicts(ws, defaultRulebook());
    const rows = table(ws);
    const expected = oneByOne(ws);
    expect(built).toMatchObject({ numbers: allNumbers(ws).length, rows: expected.length });
    expect(rows.map(({ id: _id, ...r }) => r)).toEqual(expected);
    expect(rows.map((r) => r.id)).toEqual(expected.map((_, i) => i + 1));
    // The group counts are the table's.
    const groups = (sql: string) => ws.all(sql).map((r) => JSON.stringify(r)).sort();
    expect(groups('SELECT code, keyword, status, verdict, n FROM desk_counts')).toEqual(
      groups('SELECT code, keyword, status, verdict, COUNT(*) AS n FROM desk_contacts GROUP BY 1, 2, 3, 4'));
    expect(new Set(rows.map((r) => r.verdict)).size).toBeGreaterThan(2);
  }, 60_000);

  it('rebuilding gives the same table, reports progress to the end and leaves no other table behind', async () => {
    const before = table(ws);
    const tables = Object.keys(ws.tableCounts());
    const progress: { done: number; total: number }[] = [];
    await rebuildVerdicts(ws, defaultRulebook(), (p) => progress.push(p));
    expect(table(ws)).toEqual(before);
    expect(Object.keys(ws.tableCounts())).toEqual(tables);
    expect(progress.at(-1)).toMatchObject({ done: allNumbers(ws).length, total: allNumbers(ws).length });
  }, 60_000);

  it('refuses rows out of number order (ids must follow numbers) and keeps the table it had', async () => {
    await rebuildVerdicts(ws, defaultRulebook());
    const before = table(ws);
    const build = new ContactsBuild(ws);
    const row = (mobileNumber: string): Row => ({ mobileNumber, code: '12345', keyword: 'JOIN', status: 'OptedIn', verdict: 'allowed' });
    expect(() => build.add([row('15550000002'), row('15550000001')])).toThrow(/out of number order: 15550000001 after 15550000002/);
    await build.abort(async () => undefined);
    expect(table(ws)).toEqual(before);
    expect(ws.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'desk_contacts_%' AND tbl_name <> 'desk_contacts'")).toBe(0);
  });

  it('drops the replaced table in slices after the swap, and searches in between see the new table', async () => {
    await rebuildVerdicts(ws, defaultRulebook());
    const first = table(ws).slice(0, 100).map(({ id: _id, ...r }) => r);
    const build = new ContactsBuild(ws);
    build.add(first);
    const seen: { total: number | null; old: unknown }[] = [];
    await build.finish(async () => {
      seen.push({ total: searchContacts(ws, { limit: 1 }).total, old: ws.scalar("SELECT COUNT(*) FROM sqlite_master WHERE tbl_name = 'desk_contacts_old'") });
    });
    expect(seen.length).toBeGreaterThanOrEqual(5); // each index, then the rows
    expect(seen.every((s) => s.total === 100)).toBe(true);
    expect(seen[0]!.old).toBeGreaterThan(1); // the old table and its indexes, at first
    expect(ws.scalar("SELECT COUNT(*) FROM sqlite_master WHERE tbl_name = 'desk_contacts_old'")).toBe(0);
    expect(table(ws).map(({ id: _id, ...r }) => r)).toEqual(first);
    await rebuildVerdicts(ws, defaultRulebook()); // the whole table again, for the tests after this one
  });

  it('searches during a rebuild see the previous table, whole', async () => {
    const total = searchContacts(ws, { limit: 1 }).total;
    const seen: (number | null)[] = [];
    await rebuildVerdicts(ws, defaultRulebook(), () => seen.push(searchContacts(ws, { limit: 1 }).total));
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([total]));
  }, 60_000);

  it('the verdict worker builds the same table as this thread', async () => {
    const worker = process.env.OPTTRACE_VERDICT_WORKER; // bundled by test/support/parse-worker-setup.ts
    expect(worker).toBeTruthy();
    await rebuildVerdicts(ws, defaultRulebook(), undefined, { worker: false });
    const inThread = table(ws);
    const built = await rebuildVerdicts(ws, defaultRulebook(), undefined, { worker: worker! });
    expect(table(ws)).toEqual(inThread);
    expect(built.rows).toBe(inThread.length);
  }, 60_000);

  it('a worker that dies mid-build: the build starts over in this thread and the table is whole', async () => {
    const expected = table(ws);
    await rebuildVerdicts(ws, defaultRulebook(), undefined, { worker: fakeWorker('dies', 'if (m.id === 1) process.exit(3); parentPort.postMessage({ type: "rows", id: m.id, flat: [] });') });
    expect(table(ws)).toEqual(expected);
  }, 60_000);

  it('a worker that dies while a batch waits its turn: no unhandled rejection, the build starts over in this thread', async () => {
    const expected = table(ws);
    // Answers the first batch, then exits while the second waits to be awaited (before this thread takes it up).
    await rebuildVerdicts(ws, defaultRulebook(), undefined, { worker: fakeWorker('answers-then-dies', 'parentPort.postMessage({ type: "rows", id: m.id, flat: [] }); if (m.id === 1) setTimeout(() => process.exit(3), 0);') });
    await new Promise((resolve) => setTimeout(resolve, 50)); // an unhandled rejection would be reported by now
    expect(table(ws)).toEqual(expected);
  }, 60_000);

  it("a batch's own error fails the build and leaves the previous table as it was", async () => {
    const expected = table(ws);
    const tables = Object.keys(ws.tableCounts());
    await expect(
      rebuildVerdicts(ws, defaultRulebook(), undefined, { worker: fakeWorker('fails', 'parentPort.postMessage({ type: "failed", id: m.id, message: "replay failed: boom" });') }),
    ).rejects.toThrow('replay failed: boom');
    expect(table(ws)).toEqual(expected);
    expect(Object.keys(ws.tableCounts())).toEqual(tables);
  }, 60_000);
});
