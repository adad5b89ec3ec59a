import { describe, expect, it } from 'vitest';
import { makeBackend } from './helpers';

type Page = { total: number | null; rows: { id: number; mobileNumber: string; code: string; keyword: string; status: string; verdict: string }[]; next: string | null };
const value = <T>(r: { ok: boolean; value?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value as T;
};

describe('contacts.search', () => {
  it('finds a number typed in any format', async () => {
    const { call } = await makeBackend();
    for (const typed of ['+1 (555) 010-0343', '5550100343', '15550100343', '1-555-010-0343', ' 555.010.0343 ']) {
      const page = value<Page>(await call('contacts.search', { query: typed, limit: 10 }));
      expect(page.total, typed).toBeGreaterThan(0);
      expect(new Set(page.rows.map((r) => r.mobileNumber)), typed).toEqual(new Set(['15550100343']));
    }
  });

  it('matches a typed prefix and nothing for text without digits', async () => {
    const { call } = await makeBackend();
    const prefix = value<Page>(await call('contacts.search', { query: '555 010 03', limit: 500 }));
    expect(prefix.rows.length).toBeGreaterThan(5);
    expect(prefix.rows.every((r) => r.mobileNumber.startsWith('155501003'))).toBe(true);
    expect(value<Page>(await call('contacts.search', { query: 'smith', limit: 10 })).total).toBe(0);
  });

  it('filters by code, keyword, status and verdict together', async () => {
    const { call } = await makeBackend();
    const page = value<Page>(await call('contacts.search', { code: '12345', keyword: 'JOIN', status: 'OptedOut', verdict: 'blocked-explicit', limit: 500 }));
    const all = value<Page>(await call('contacts.search', { limit: 1 }));
    expect(page.total).toBeLessThan(all.total!);
    expect(page.total).toBe(page.rows.length);
    expect(page.total).toBeGreaterThan(0);
    for (const r of page.rows) expect(r).toMatchObject({ code: '12345', keyword: 'JOIN', status: 'OptedOut', verdict: 'blocked-explicit' });
  });

  it('pages by keyset without gaps or repeats, in both directions and on every sort column', async () => {
    const { call } = await makeBackend();
    for (const sort of ['number', 'verdict', 'status'] as const) {
      for (const descending of [false, true]) {
        const seen: number[] = [];
        let after: string | undefined;
        let total = 0;
        do {
          const page = value<Page>(await call('contacts.search', { limit: 499, sort, descending, ...(after ? { after, withTotal: false } : {}) }));
          if (page.total !== null) total = page.total;
          seen.push(...page.rows.map((r) => r.id));
          after = page.next ?? undefined;
        } while (after);
        expect(seen.length).toBe(total);
        expect(new Set(seen).size).toBe(total);
      }
    }
  });

  it('offset pages agree with keyset pages', async () => {
    const { call } = await makeBackend();
    const first = value<Page>(await call('contacts.search', { limit: 50 }));
    const byKeyset = value<Page>(await call('contacts.search', { limit: 50, after: first.next! }));
    const byOffset = value<Page>(await call('contacts.search', { limit: 50, offset: 50 }));
    expect(byOffset.rows).toEqual(byKeyset.rows);
  });

  it('refuses invalid search payloads', async () => {
    const { call } = await makeBackend();
    for (const payload of [{}, { limit: 0 }, { limit: 10_000 }, { limit: 10, verdict: 'maybe' }, { limit: 10, sort: 'id; drop table contacts' }, { limit: 10, status: 'None' }, { limit: 10, after: 'garbage' }, { limit: 10, evil: true }]) {
      const r = await call('contacts.search', payload);
      expect(r.ok, JSON.stringify(payload)).toBe(false);
    }
  });
});
