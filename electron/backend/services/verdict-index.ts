/**
 * The precomputed per-number verdict table: every number's history reconstructed (loader's history/)
 * and replayed without records → one row per number × code × keyword, so search can filter by status
 * and verdict on millions of rows without replaying anything. Numbers go in batches: one prefetch of
 * their evidence rows and ONE replay of their merged histories per batch (numbers never interact in
 * the engine's world, and event ids are unique per file line), which amortises the per-call costs.
 */
import type { ContactRow } from '../../../shared/ipc/desk-types';
import { SCENARIO_FORMAT, type CodeDef, type Gap, type Scenario, type ScenarioEvent, type SubscriptionStatus, type Verdict } from '../../../shared/model';
import { replay, type Rulebook } from '../../../shared/rules';
import { allNumbers, replaceContacts } from '../db/desk-queries';
import { clearPrefetch, prefetchNumbers } from '../db/queries';
import type { Workspace } from '../db/workspace';
import { KeywordResolver } from '../history/keywords';
import { reconstruct } from '../history/reconstruct';

const BATCH = 2000;
type Row = Omit<ContactRow, 'id'>;

function merge(scenarios: readonly Scenario[]): Scenario {
  const codes = new Map<string, CodeDef>();
  const events: ScenarioEvent[] = [];
  const gaps: Gap[] = [];
  for (const s of scenarios) {
    for (const c of s.codes) if (!codes.has(c.code)) codes.set(c.code, c);
    for (const e of s.events) events.push(e);
    for (const g of s.gaps ?? []) gaps.push(g);
  }
  return { format: SCENARIO_FORMAT, title: 'verdict table batch', codes: [...codes.values()], events, gaps };
}

function rowsOf(numbers: readonly string[], rulebook: Rulebook, scenario: Scenario): Row[] {
  const result = replay(rulebook, scenario, { records: 'none' });
  const verdicts = new Map<string, Map<string, Verdict>>();
  for (const v of result.final.verdicts) {
    const m = verdicts.get(v.mobileNumber) ?? new Map<string, Verdict>();
    verdicts.set(v.mobileNumber, m.set(v.code, v.verdict));
  }
  const subs = new Map<string, Row[]>();
  for (const s of result.final.subscriptions) {
    const list = subs.get(s.mobileNumber) ?? [];
    list.push({ mobileNumber: s.mobileNumber, code: s.code, keyword: s.keyword, status: s.status as SubscriptionStatus, verdict: verdicts.get(s.mobileNumber)?.get(s.code) ?? 'blocked-implicit' });
    subs.set(s.mobileNumber, list);
  }
  const rows: Row[] = [];
  for (const n of numbers) {
    const own = subs.get(n) ?? [];
    const covered = new Set(own.map((r) => r.code));
    // A number mentioned on a code without any subscription there still gets a row; so does one with no code at all.
    for (const [code, verdict] of verdicts.get(n) ?? []) if (!covered.has(code)) own.push({ mobileNumber: n, code, keyword: '', status: 'None', verdict });
    if (own.length === 0) own.push({ mobileNumber: n, code: '', keyword: '', status: 'None', verdict: 'unknown' });
    own.sort((a, b) => a.code.localeCompare(b.code) || a.keyword.localeCompare(b.keyword));
    for (const r of own) rows.push(r);
  }
  return rows;
}

export interface BuildProgress { readonly done: number; readonly total: number; readonly ms: number }

/** Yields to the event loop between batches (main stays responsive) and reports progress. */
export async function rebuildVerdicts(ws: Workspace, rulebook: Rulebook, onProgress?: (p: BuildProgress) => void): Promise<{ numbers: number; rows: number; ms: number }> {
  const t0 = performance.now();
  const resolver = new KeywordResolver(ws);
  const numbers = allNumbers(ws);
  const rows: Row[] = [];
  try {
    for (let i = 0; i < numbers.length; i += BATCH) {
      const batch = numbers.slice(i, i + BATCH);
      prefetchNumbers(ws, batch[0]!, batch[batch.length - 1]!);
      const merged = merge(batch.map((n) => reconstruct(ws, n, resolver).scenario));
      for (const r of rowsOf(batch, rulebook, merged)) rows.push(r);
      onProgress?.({ done: i + batch.length, total: numbers.length, ms: performance.now() - t0 });
      clearPrefetch(ws);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    clearPrefetch(ws);
  }
  replaceContacts(ws, rows);
  return { numbers: numbers.length, rows: rows.length, ms: performance.now() - t0 };
}
