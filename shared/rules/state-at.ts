/**
 * The state before/after any step, rebuilt from the replay's starting state and the per-step change
 * lists (no re-running of rules), so the simulator can jump to any step cheaply.
 */
import type { StateView, Replay } from './replay-types';
import { finalViews } from './final-views';
import { hiddenOf } from './replay';
import { codeState, numberState, type World } from './state';

/**
 * State after step `stepIndex` (use -1 for the state before the first step). Needs a replay made
 * with records 'full'.
 */
export const stateAt = (r: Replay, stepIndex: number): StateView => {
  if (r.records !== 'full') throw new Error('stateAt needs a replay with records "full"');
  const world: World = new Map();
  for (const c of r.initial.contacts) {
    const n = numberState(world, c.mobileNumber);
    n.contact = c.status;
    n.contactEventId = c.eventId;
    n.contactRuleId = c.ruleId;
    n.undeliverable = c.undeliverable === true;
  }
  for (const s of r.initial.subscriptions) {
    codeState(numberState(world, s.mobileNumber), s.code).subs.put({
      key: keyOf(s.keyword), status: s.status, keyword: s.keyword, eventId: s.eventId, ruleId: s.ruleId, assumptions: [], windowEnds: undefined, byStop: false,
    });
  }
  const last = Math.min(stepIndex, r.steps.length - 1);
  for (let i = 0; i <= last; i++) {
    const step = r.steps[i]!;
    const n0 = numberState(world, step.event.mobileNumber);
    // A step on a code makes the code part of the number's verdicts, as in the replay itself.
    if ('code' in step.event) codeState(n0, step.event.code);
    for (const ch of step.changes) {
      const n = numberState(world, ch.mobileNumber);
      if (ch.kind === 'contact') {
        n.contact = ch.to === 'None' ? undefined : ch.to;
        n.contactEventId = step.event.id;
        n.contactRuleId = ch.ruleId;
        if (ch.undeliverable !== undefined) n.undeliverable = ch.undeliverable;
        continue;
      }
      const c = codeState(n, ch.code);
      if (ch.to === 'None') {
        c.subs.delete(keyOf(ch.keyword));
        continue;
      }
      c.subs.put({ key: keyOf(ch.keyword), status: ch.to, keyword: ch.keyword, eventId: step.event.id, ruleId: ch.ruleId, assumptions: ch.assumptions, windowEnds: undefined, byStop: false });
    }
  }
  const h = hiddenOf(r);
  return finalViews(r.rulebook.assumptions, world, h?.gaps ?? []);
};

/** Changes carry the code's display spelling, so it is a stable key here. */
const keyOf = (keyword: string): string => keyword;
