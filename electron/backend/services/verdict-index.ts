/** The precomputed per-number verdict table: one replay of the whole workspace → contacts rows. */
import type { ContactRow } from '../../../shared/ipc/desk-types';
import type { SubscriptionStatus, Verdict } from '../../../shared/model';
import { replay, type Rulebook } from '../../../shared/rules';
import type { DeskStore } from '../db/desk-store';
import { buildScenario, inferCodes } from './history';

export function rebuildVerdicts(store: DeskStore, rulebook: Rulebook): { rows: number; ms: number } {
  const t0 = performance.now();
  const codes = inferCodes(store);
  const scenario = buildScenario(store, codes, store.allEvents(), 'workspace');
  const result = replay(rulebook, scenario, { records: 'none' });
  const verdicts = new Map<string, Verdict>();
  for (const v of result.final.verdicts) verdicts.set(`${v.mobileNumber}\u0000${v.code}`, v.verdict);
  const rows: Omit<ContactRow, 'id'>[] = [];
  const covered = new Set<string>();
  for (const s of result.final.subscriptions) {
    const key = `${s.mobileNumber}\u0000${s.code}`;
    covered.add(key);
    rows.push({ mobileNumber: s.mobileNumber, code: s.code, keyword: s.keyword, status: s.status as SubscriptionStatus, verdict: verdicts.get(key) ?? 'blocked-implicit' });
  }
  // Numbers the history mentions on a code without any subscription there still get a row.
  for (const [key, verdict] of verdicts) {
    if (covered.has(key)) continue;
    const [mobileNumber, code] = key.split('\u0000') as [string, string];
    rows.push({ mobileNumber, code, keyword: '', status: 'None', verdict });
  }
  rows.sort((a, b) => (a.mobileNumber < b.mobileNumber ? -1 : a.mobileNumber > b.mobileNumber ? 1 : a.code.localeCompare(b.code) || a.keyword.localeCompare(b.keyword)));
  store.replaceContacts(rows);
  return { rows: rows.length, ms: performance.now() - t0 };
}
