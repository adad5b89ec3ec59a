/**
 * The precomputed per-number verdict table: every number's history reconstructed (loader's history/)
 * and replayed without records → one row per number × code × keyword, so search can filter by status
 * and verdict on millions of rows without replaying anything. Numbers go in batches: one prefetch of
 * their evidence rows and ONE replay of their merged histories per batch (numbers never interact in
 * the engine's world, and event ids are unique per file line), which amortises the per-call costs.
 * Evidence is read in one ordered pass (db/evidence-stream.ts) and the table is written beside the
 * current one, batch by batch, then swapped in (db/contacts-build.ts).
 */
import type { ContactRow } from '../../../shared/ipc/desk-types';
import { SCENARIO_FORMAT, type CodeDef, type Gap, type Scenario, type ScenarioEvent, type SubscriptionStatus, type Verdict } from '../../../shared/model';
import { replay, type Rulebook } from '../../../shared/rules';
import { ContactsBuild } from '../db/contacts-build';
import { EvidenceStream, evidenceRowCount } from '../db/evidence-stream';
import { clearPrefetch, usePrefetched } from '../db/queries';
import type { Workspace } from '../db/workspace';
import { KeywordResolver } from '../history/keywords';
import { reconstruct } from '../history/reconstruct';

/** Work per synchronous slice (the loader's figure): batches are sized to it from the last one's speed. */
const SLICE_MS = 25;
const MIN_BATCH = 50;
const MAX_BATCH = 10_000;
type Row = Omit<ContactRow, 'id'>;
/** Same order as `a.localeCompare(b)` (ECMA-402 defines that as this collator), without its per-call setup. */
const collator = new Intl.Collator();
const byCodeKeyword = (a: Row, b: Row): number => collator.compare(a.code, b.code) || collator.compare(a.keyword, b.keyword);

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
    if (own.length > 1) own.sort(byCodeKeyword);
    for (const r of own) rows.push(r);
  }
  return rows;
}

/** `total` is estimated from the evidence rows read so far until the last report, which is exact. */
export interface BuildProgress { readonly done: number; readonly total: number; readonly ms: number }

/** Yields to the event loop between batches (main stays responsive) and reports progress. */
export async function rebuildVerdicts(ws: Workspace, rulebook: Rulebook, onProgress?: (p: BuildProgress) => void): Promise<{ numbers: number; rows: number; ms: number }> {
  const t0 = performance.now();
  const resolver = new KeywordResolver(ws);
  const totalRows = evidenceRowCount(ws);
  const stream = new EvidenceStream(ws);
  const build = new ContactsBuild(ws);
  let numbers = 0;
  let rows = 0;
  let batch = 500;
  try {
    for (;;) {
      const t = performance.now();
      const next = stream.next(batch);
      if (next.numbers.length === 0) break;
      usePrefetched(ws, next.rows);
      const merged = merge(next.numbers.map((n) => reconstruct(ws, n, resolver).scenario));
      clearPrefetch(ws);
      const out = rowsOf(next.numbers, rulebook, merged);
      build.add(out);
      numbers += next.numbers.length;
      rows += out.length;
      const perNumber = (performance.now() - t) / next.numbers.length;
      batch = Math.round(Math.min(MAX_BATCH, Math.max(MIN_BATCH, SLICE_MS / perNumber)));
      const total = Math.max(numbers, Math.round((numbers * totalRows) / Math.max(1, stream.rowsRead)));
      onProgress?.({ done: numbers, total, ms: performance.now() - t0 });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    stream.close();
    build.finish();
  } catch (e) {
    stream.close();
    build.abort();
    throw e;
  } finally {
    clearPrefetch(ws);
  }
  onProgress?.({ done: numbers, total: numbers, ms: performance.now() - t0 });
  return { numbers, rows, ms: performance.now() - t0 };
}
