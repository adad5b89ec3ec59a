/**
 * One batch of the verdict table: each number's history reconstructed from rows read in bulk and ONE
 * replay of the batch's merged histories (numbers never interact in the engine's world, and event ids
 * are unique per file line), which amortises the per-call costs. Pure: no workspace, so the verdict
 * worker (verdict-worker.ts) and the in-thread build run the same code.
 */
import type { ContactRow } from '../../../shared/ipc/desk-types';
import { SCENARIO_FORMAT, type CodeDef, type Gap, type Scenario, type ScenarioEvent, type SubscriptionStatus, type Verdict } from '../../../shared/model';
import { replay, type Rulebook } from '../../../shared/rules';
import { batchNumbers, evidenceBatch, type RawEvidence, type SourceNames } from '../db/evidence-batch';
import { rowsFromBatch } from '../db/queries';
import type { KeywordResolver } from '../history/keywords';
import { reconstructFrom } from '../history/reconstruct';

/** A row of the verdict table before it has an id. */
export type VerdictRow = Omit<ContactRow, 'id'>;
/** Same order as `a.localeCompare(b)` (ECMA-402 defines that as this collator), without its per-call setup. */
const collator = new Intl.Collator();
const byCodeKeyword = (a: VerdictRow, b: VerdictRow): number => collator.compare(a.code, b.code) || collator.compare(a.keyword, b.keyword);

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

function tableRows(numbers: readonly string[], rulebook: Rulebook, scenario: Scenario): VerdictRow[] {
  const result = replay(rulebook, scenario, { records: 'none' });
  const verdicts = new Map<string, Map<string, Verdict>>();
  for (const v of result.final.verdicts) {
    const m = verdicts.get(v.mobileNumber) ?? new Map<string, Verdict>();
    verdicts.set(v.mobileNumber, m.set(v.code, v.verdict));
  }
  const subs = new Map<string, VerdictRow[]>();
  for (const s of result.final.subscriptions) {
    const list = subs.get(s.mobileNumber) ?? [];
    list.push({ mobileNumber: s.mobileNumber, code: s.code, keyword: s.keyword, status: s.status as SubscriptionStatus, verdict: verdicts.get(s.mobileNumber)?.get(s.code) ?? 'blocked-implicit' });
    subs.set(s.mobileNumber, list);
  }
  const rows: VerdictRow[] = [];
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

/** The verdict table's rows for a batch's numbers (in number order), from the batch as the stream read it. */
export function verdictRows(raw: RawEvidence, sources: SourceNames, resolver: KeywordResolver, rulebook: Rulebook): VerdictRow[] {
  const numbers = batchNumbers(raw);
  const rowsOf = rowsFromBatch(evidenceBatch(raw, sources));
  return tableRows(numbers, rulebook, merge(numbers.map((n) => reconstructFrom(rowsOf, n, resolver).scenario)));
}
