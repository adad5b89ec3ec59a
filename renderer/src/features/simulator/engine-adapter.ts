/**
 * The simulator's only door to the rules engine (shared/rules): the renderer imports the pure engine
 * so every edit recomputes at once, and main runs the very same functions (`scenario.replay`).
 */
import type { Scenario, SubscriptionStatus } from '../../../../shared/model';
import {
  ASSUMPTION_DEFS, FLAGS, PRESETS, RULES, diffReplays, parseScenario, replay, resolveRulebook, stateAt,
  type AssumptionDef, type AssumptionName, type Change, type Replay, type ReplayDiff, type RuleId, type StateView,
} from '../../../../shared/rules';

export type { AssumptionDef, AssumptionName, Change, Replay, ReplayDiff, RuleId, StateView };
export { ASSUMPTION_DEFS, FLAGS, PRESETS, RULES, parseScenario };

export type Overrides = Readonly<Record<string, unknown>>;

export type RunResult = { readonly ok: true; readonly replay: Replay } | { readonly ok: false; readonly message: string };

/** Replays with the scenario's own rulebook plus `overrides` (compare runs). */
export function runReplay(scenario: Scenario, overrides?: Overrides): RunResult {
  const rb = resolveRulebook(scenario.rulebook, overrides);
  if (!rb.ok) return { ok: false, message: rb.issues.map((i) => `${i.path}: ${i.message}`).join('; ') };
  return { ok: true, replay: replay(rb.rulebook, scenario, { records: 'full' }) };
}

/** State after `cursor` steps (0 = the starting state before any event). */
export const stateAfter = (r: Replay, cursor: number): StateView => stateAt(r, cursor - 1);

export const diff = (a: Replay, b: Replay): ReplayDiff => diffReplays(a, b);

/** Status of one subscription after every step (index 0 = starting state), from the change lists. */
export function statusTrack(r: Replay, mobileNumber: string, code: string, keyword: string): SubscriptionStatus[] {
  const key = keyword.toUpperCase();
  const start = r.initial.subscriptions.find((s) => s.mobileNumber === mobileNumber && s.code === code && s.keyword.toUpperCase() === key);
  let current: SubscriptionStatus = start?.status ?? 'None';
  const out: SubscriptionStatus[] = [current];
  for (const step of r.steps) {
    for (const ch of step.changes) {
      if (ch.kind === 'subscription' && ch.mobileNumber === mobileNumber && ch.code === code && ch.keyword.toUpperCase() === key) current = ch.to;
    }
    out.push(current);
  }
  return out;
}

export const ruleTitle = (id: string): string => (RULES as Record<string, { title: string } | undefined>)[id]?.title ?? id;
export const flagTitle = (id: string): string => (FLAGS as Record<string, { title: string } | undefined>)[id]?.title ?? id;
