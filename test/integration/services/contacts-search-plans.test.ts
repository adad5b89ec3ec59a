/**
 * Every way desk-search.ts pages the verdict table (id order, a column sorted in memory, a column's
 * index walked) against the table filtered and sorted in plain JS, on the demo workspace: keyset walks
 * and offset pages, both directions, every sort, typed prefixes and filters alone and together.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { numberPrefix } from '../../../electron/backend/db/contact-query';
import { statusLabel, STATUS_CODES, verdictLabel, VERDICT_CODES } from '../../../electron/backend/db/desk-codes';
import { searchContacts, type SearchTuning } from '../../../electron/backend/db/desk-search';
import type { Workspace } from '../../../electron/backend/db/workspace';
import { loadFiles } from '../../../electron/backend/import/load';
import { rebuildVerdicts } from '../../../electron/backend/services/verdict-index';
import type { ContactQuery, ContactRow } from '../../../shared/ipc/desk-types';
import { defaultRulebook } from '../../../shared/rules';
import { newWorkspace } from '../../support/backend';
import { ROOT } from './helpers';

let ws: Workspace;
let all: ContactRow[];
beforeAll(async () => {
  ws = await newWorkspace();
  const dir = join(ROOT, 'assets', 'demo');
  await loadFiles(ws, readdirSync(dir).map((f) => ({ path: join(dir, f) })));
  await rebuildVerdicts(ws, defaultRulebook());
  all = ws.all('SELECT * FROM desk_contacts ORDER BY id').map((r) => ({
    id: Number(r.id), mobileNumber: String(r.number), code: String(r.code), keyword: String(r.keyword), status: statusLabel(r.status), verdict: verdictLabel(r.verdict),
  }));
}, 60_000);

const sortValue = (r: ContactRow, sort: ContactQuery['sort']): string | number => {
  switch (sort ?? 'number') {
    case 'number': return r.mobileNumber;
    case 'code': return r.code;
    case 'keyword': return r.keyword;
    case 'status': return STATUS_CODES[r.status];
    case 'verdict': return VERDICT_CODES[r.verdict];
  }
};
/** The spec of a search, in JS: match, then sort by the column and id. */
function expected(q: ContactQuery): ContactRow[] {
  const prefix = q.query === undefined ? '' : numberPrefix(q.query);
  const rows = all.filter((r) =>
    (q.query === undefined || (prefix !== '' && r.mobileNumber.startsWith(prefix)))
    && (q.code === undefined || r.code === q.code) && (q.keyword === undefined || r.keyword === q.keyword)
    && (q.status === undefined || r.status === q.status) && (q.verdict === undefined || r.verdict === q.verdict));
  rows.sort((a, b) => {
    const x = sortValue(a, q.sort);
    const y = sortValue(b, q.sort);
    return (x < y ? -1 : x > y ? 1 : 0) || a.id - b.id;
  });
  return q.descending ? rows.reverse() : rows;
}

const QUERIES: Omit<ContactQuery, 'limit'>[] = [
  {},
  { verdict: 'allowed' },
  { verdict: 'blocked-explicit' },
  { status: 'OptedOut' },
  { code: '12345', verdict: 'allowed' },
  { keyword: 'JOIN', status: 'OptedIn' },
  { query: '555 01' },
  { query: '555 0100', verdict: 'allowed' },
  // Ranges over half the table: counted as the filter's group less what lies outside.
  { query: '555 010', verdict: 'allowed' },
  { query: '555 01', status: 'OptedOut', code: '12345' },
  { query: 'no digits' },
  { code: 'no such code' },
];
const SORTS = ['number', 'code', 'keyword', 'status', 'verdict'] as const;
const TUNINGS: SearchTuning[] = [{ sortInMemoryMax: 0 }, { sortInMemoryMax: Infinity }];

describe('contacts search plans', () => {
  it('the demo table has the variety the cases need', () => {
    expect(all.length).toBeGreaterThan(1000);
    for (const q of QUERIES.slice(1, 8)) expect(expected({ ...q, limit: 1 }).length, JSON.stringify(q)).toBeGreaterThan(0);
    expect(expected({ verdict: 'allowed', limit: 1 }).length).toBeLessThan(all.length);
  });

  it('keyset walks return exactly the matching rows in order, for every sort, direction and plan', () => {
    for (const tuning of TUNINGS) {
      for (const base of QUERIES) {
        for (const sort of SORTS) {
          for (const descending of [false, true]) {
            const q = { ...base, sort, descending };
            const want = expected({ ...q, limit: 1 }).map((r) => r.id);
            const got: number[] = [];
            let after: string | undefined;
            let total: number | null = null;
            do {
              const page = searchContacts(ws, { ...q, limit: 433, ...(after ? { after, withTotal: false } : {}) }, tuning);
              total ??= page.total;
              got.push(...page.rows.map((r) => r.id));
              after = page.next ?? undefined;
            } while (after);
            const what = JSON.stringify({ q, tuning });
            expect(total, what).toBe(want.length);
            expect(got, what).toEqual(want);
          }
        }
      }
    }
  }, 60_000);

  it('offset pages are slices of the same order, rows decoded whole', () => {
    for (const tuning of TUNINGS) {
      for (const base of QUERIES) {
        for (const sort of ['number', 'status'] as const) {
          for (const descending of [false, true]) {
            const q = { ...base, sort, descending };
            const want = expected({ ...q, limit: 1 });
            for (const offset of [0, 1, 250, Math.max(0, want.length - 7), want.length + 3]) {
              const page = searchContacts(ws, { ...q, offset, limit: 20 }, tuning);
              expect(page.rows, JSON.stringify({ q, offset, tuning })).toEqual(want.slice(offset, offset + 20));
            }
          }
        }
      }
    }
  }, 60_000);

  it('a typed number finds its rows and a filter no row matches finds none', () => {
    const n = all[Math.floor(all.length / 2)]!.mobileNumber;
    const typed = `+${n[0]} (${n.slice(1, 4)}) ${n.slice(4, 7)}-${n.slice(7)}`;
    expect(searchContacts(ws, { query: typed, limit: 50 }).rows).toEqual(all.filter((r) => r.mobileNumber === n));
    expect(searchContacts(ws, { query: '999', limit: 50 })).toMatchObject({ total: 0, rows: [], next: null });
  });
});
