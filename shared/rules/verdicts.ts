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
  const subs = c ? c.subs.values() : [];
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
  // One pass over the (few) keywords of the code.
  const optedIn: SubState[] = [];
  const out: SubState[] = [];
  const pending: SubState[] = [];
  const all: SubState[] = [];
  if (c) {
    for (const s of c.subs.values()) {
      all.push(s);
      if (s.status === 'OptedIn') optedIn.push(s);
      else if (s.status === 'OptedOut') out.push(s);
      else if (s.status === 'OptInPending') pending.push(s);
    }
  }
  const inactive = a.inactiveBlocksSend && n.contact === 'Inactive';
  const undeliverable = a.undeliverableBlocksSend && n.undeliverable;
  const sendable = optedIn.length > 0 && !inactive && !undeliverable;
  const eventIds: string[] = [];
  const ruleIds: RuleId[] = ['SENDABILITY'];
  const assumptions: AssumptionName[] = [];
  const view = (verdict: VerdictView['verdict'], reason: string): VerdictView =>
    ({ mobileNumber: n.mobileNumber, code, verdict, sendable, reason, eventIds, ruleIds, assumptions });
  const gap = gaps === undefined ? undefined : gaps.find((g) => g.code === undefined || g.code === code);
  if (gap) {
    ruleIds.push('EVIDENCE-GAP');
    evidence(all, eventIds, ruleIds, assumptions);
    return view('unknown', `Cannot decide whether ${n.mobileNumber} may be texted on ${code}: ${gap.reason} (the replayed history alone says ${sendable ? 'sendable' : 'not sendable'}).`);
  }
  if (sendable) {
    evidence(optedIn, eventIds, ruleIds, assumptions);
    return view('allowed', `Sendable on ${code}: opted in to ${list(optedIn)}${cite(eventIds)} and the contact is ${n.contact ?? 'Active'}.`);
  }
  if (optedIn.length > 0 && (inactive || undeliverable)) {
    if (n.contactEventId !== undefined) eventIds.push(n.contactEventId);
    ruleIds.push(n.contactRuleId);
    assumptions.push(inactive ? 'inactiveBlocksSend' : 'undeliverableBlocksSend');
    const why = inactive ? 'the contact is Inactive' : 'the number is held as undeliverable';
    return view('blocked-explicit', `Not sendable on ${code}: ${why}${cite(eventIds)}, although ${list(optedIn)} is opted in.`);
  }
  if (out.length > 0) {
    evidence(out, eventIds, ruleIds, assumptions);
    return view('blocked-explicit', `Not sendable on ${code}: opted out of ${list(out)}${cite(eventIds)} and opted in to no keyword.`);
  }
  evidence(all, eventIds, ruleIds, assumptions);
  if (pending.length > 0) return view('blocked-implicit', `Not sendable on ${code}: ${list(pending)} is only opt-in pending, which counts as opted out.`);
  return view('blocked-implicit', `Not sendable on ${code}: the number never opted in to any keyword there.`);
};
