/** Sendability and the verdict per (number, code), rules.md §1. */
import type { Gap } from '../model';
import type { AssumptionName, Assumptions } from './assumptions';
import type { VerdictView } from './replay-types';
import type { RuleId } from './rule-ids';
import type { CodeState, NumberState, SubState } from './state';

/** Sendable on a code: a keyword OptedIn (pending never counts), contact not Inactive, not undeliverable. */
export const isSendable = (a: Assumptions, n: NumberState, c: CodeState | undefined): boolean => {
  if (c === undefined) return false;
  if (a.inactiveBlocksSend && n.contact === 'Inactive') return false;
  if (a.undeliverableBlocksSend && n.undeliverable) return false;
  for (const s of c.subs.values()) if (s.status === 'OptedIn') return true;
  return false;
};

/** Why a number is not sendable on a code, in a few words (SEND-CHECK reasons). */
export const blockReason = (a: Assumptions, n: NumberState, c: CodeState | undefined): string => {
  if (a.inactiveBlocksSend && n.contact === 'Inactive') return 'the contact is Inactive';
  if (a.undeliverableBlocksSend && n.undeliverable) return 'the number is held as undeliverable';
  const subs = c ? [...c.subs.values()] : [];
  if (subs.some((s) => s.status === 'OptedOut')) return `it is opted out of ${list(subs.filter((s) => s.status === 'OptedOut'))} and opted in to no keyword`;
  if (subs.some((s) => s.status === 'OptInPending')) return `${list(subs.filter((s) => s.status === 'OptInPending'))} is only opt-in pending, which counts as opted out`;
  return 'it never opted in to any keyword on the code';
};

const list = (subs: readonly SubState[]): string => subs.map((s) => s.keyword).join(', ');

const evidence = (subs: readonly SubState[], eventIds: string[], ruleIds: RuleId[], assumptions: AssumptionName[]): void => {
  for (const s of subs) {
    if (s.eventId !== undefined && !eventIds.includes(s.eventId)) eventIds.push(s.eventId);
    if (!ruleIds.includes(s.ruleId)) ruleIds.push(s.ruleId);
    for (const x of s.assumptions) if (!assumptions.includes(x)) assumptions.push(x);
  }
};

const cite = (ids: readonly string[]): string => (ids.length > 0 ? ` (${ids.join(', ')})` : ' (starting state)');

export const verdictFor = (a: Assumptions, n: NumberState, code: string, gaps: readonly Gap[] | undefined): VerdictView => {
  const c = n.codes.get(code);
  const subs = c ? [...c.subs.values()] : [];
  const optedIn = subs.filter((s) => s.status === 'OptedIn');
  const sendable = isSendable(a, n, c);
  const eventIds: string[] = [];
  const ruleIds: RuleId[] = ['SENDABILITY'];
  const assumptions: AssumptionName[] = [];
  const base = { mobileNumber: n.mobileNumber, code, sendable, eventIds, ruleIds, assumptions };
  const gap = gaps?.find((g) => g.code === undefined || g.code === code);
  if (gap) {
    ruleIds.push('EVIDENCE-GAP');
    evidence(subs, eventIds, ruleIds, assumptions);
    return { ...base, verdict: 'unknown', reason: `Cannot decide whether ${n.mobileNumber} may be texted on ${code}: ${gap.reason} (the replayed history alone says ${sendable ? 'sendable' : 'not sendable'}).` };
  }
  if (sendable) {
    evidence(optedIn, eventIds, ruleIds, assumptions);
    return { ...base, verdict: 'allowed', reason: `Sendable on ${code}: opted in to ${list(optedIn)}${cite(eventIds)} and the contact is ${n.contact ?? 'Active'}.` };
  }
  if (optedIn.length > 0 && a.inactiveBlocksSend && n.contact === 'Inactive') {
    if (n.contactEventId !== undefined) eventIds.push(n.contactEventId);
    ruleIds.push(n.contactRuleId);
    assumptions.push('inactiveBlocksSend');
    return { ...base, verdict: 'blocked-explicit', reason: `Not sendable on ${code}: the contact is Inactive${cite(eventIds)}, although ${list(optedIn)} is opted in.` };
  }
  if (optedIn.length > 0 && a.undeliverableBlocksSend && n.undeliverable) {
    if (n.contactEventId !== undefined) eventIds.push(n.contactEventId);
    ruleIds.push(n.contactRuleId);
    assumptions.push('undeliverableBlocksSend');
    return { ...base, verdict: 'blocked-explicit', reason: `Not sendable on ${code}: the number is held as undeliverable${cite(eventIds)}, although ${list(optedIn)} is opted in.` };
  }
  const out = subs.filter((s) => s.status === 'OptedOut');
  if (out.length > 0) {
    evidence(out, eventIds, ruleIds, assumptions);
    return { ...base, verdict: 'blocked-explicit', reason: `Not sendable on ${code}: opted out of ${list(out)}${cite(eventIds)} and opted in to no keyword.` };
  }
  const pending = subs.filter((s) => s.status === 'OptInPending');
  evidence(subs, eventIds, ruleIds, assumptions);
  if (pending.length > 0) {
    return { ...base, verdict: 'blocked-implicit', reason: `Not sendable on ${code}: ${list(pending)} is only opt-in pending, which counts as opted out.` };
  }
  return { ...base, verdict: 'blocked-implicit', reason: `Not sendable on ${code}: the number never opted in to any keyword there.` };
};
