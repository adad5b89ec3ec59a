/** Sendability and the verdict per (number, code), rules.md §1. */
import type { Gap } from '../model';
import type { AssumptionName, Assumptions } from './assumptions';
import { flat } from './explain-text';
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

const list = (subs: readonly SubState[]): string => {
  let out = subs[0]?.keyword ?? '';
  for (let i = 1; i < subs.length; i++) out += `, ${subs[i]!.keyword}`;
  return out;
};

const evidence = (subs: readonly SubState[], eventIds: string[], ruleIds: RuleId[], assumptions: AssumptionName[]): void => {
  for (let i = 0; i < subs.length; i++) {
    const s = subs[i]!;
    if (s.eventId !== undefined && !eventIds.includes(s.eventId)) eventIds.push(s.eventId);
    if (!ruleIds.includes(s.ruleId)) ruleIds.push(s.ruleId);
    for (let j = 0; j < s.assumptions.length; j++) if (!assumptions.includes(s.assumptions[j]!)) assumptions.push(s.assumptions[j]!);
  }
};

/**
 * Scratch lists, reused for every verdict (verdictFor is synchronous and not re-entrant): pushing into
 * fresh arrays grew each to 17 slots, the bulk of a replay's garbage. make() keeps exact-size copies.
 */
const EVENT_IDS: string[] = [];
const RULE_IDS: RuleId[] = [];
const ASSUMPTIONS: AssumptionName[] = [];
const copy = <T>(xs: readonly T[]): T[] => (xs.length === 0 ? [] : xs.slice());

/**
 * Rule-id and assumption lists take few distinct values, so verdicts share one frozen copy of each
 * (a 1M-event replay keeps ~190k verdicts). Frozen: a consumer's mutation throws instead of leaking
 * into other verdicts. Bounded, and deterministic (memoisation only).
 */
// A trie keyed by the list's items (rule ids and assumption names are literals, so each step is a
// cheap lookup and no key string is built); bounded, then plain copies.
interface Trie { list: readonly string[] | undefined; readonly next: Map<string, Trie> }
const ROOT: Trie = { list: Object.freeze([]), next: new Map() };
let trieNodes = 0;
const shared = <T extends string>(xs: readonly T[]): readonly T[] => {
  let t = ROOT;
  for (let i = 0; i < xs.length; i++) {
    let next = t.next.get(xs[i]!);
    if (next === undefined) {
      if (trieNodes >= 1024) return Object.freeze(xs.slice());
      trieNodes++;
      next = { list: undefined, next: new Map() };
      t.next.set(xs[i]!, next);
    }
    t = next;
  }
  t.list ??= Object.freeze(xs.slice());
  return t.list as readonly T[];
};

const cite = (ids: readonly string[]): string => {
  if (ids.length === 0) return ' (starting state)';
  let out = ` (${ids[0]!}`;
  for (let i = 1; i < ids.length; i++) out += `, ${ids[i]!}`;
  return `${out})`;
};

/** The keywords with a status; usually all of them have it, and then no filtered copy is made. */
const only = (all: readonly SubState[], status: SubState['status'], count: number): readonly SubState[] =>
  (count === all.length ? all : all.filter((s) => s.status === status));

const make = (
  mobileNumber: string, code: string, verdict: VerdictView['verdict'], sendable: boolean,
  eventIds: string[], ruleIds: RuleId[], assumptions: AssumptionName[], reason: string,
): VerdictView => ({ mobileNumber, code, verdict, sendable, reason: flat(reason), eventIds: copy(eventIds), ruleIds: shared(ruleIds), assumptions: shared(assumptions) });

export const verdictFor = (a: Assumptions, n: NumberState, code: string, gaps: readonly Gap[] | undefined): VerdictView => {
  const c = n.codes.get(code);
  // Count first; collect only the keywords the chosen sentence names (fewer allocations per verdict).
  const all: readonly SubState[] = c ? c.subs.values() : [];
  let nIn = 0;
  let nOut = 0;
  let nPending = 0;
  for (let i = 0; i < all.length; i++) {
    const s = all[i]!;
    if (s.status === 'OptedIn') nIn++;
    else if (s.status === 'OptedOut') nOut++;
    else if (s.status === 'OptInPending') nPending++;
  }
  const inactive = a.inactiveBlocksSend && n.contact === 'Inactive';
  const undeliverable = a.undeliverableBlocksSend && n.undeliverable;
  const sendable = nIn > 0 && !inactive && !undeliverable;
  const eventIds = EVENT_IDS;
  const ruleIds = RULE_IDS;
  const assumptions = ASSUMPTIONS;
  eventIds.length = 0;
  ruleIds.length = 0;
  assumptions.length = 0;
  ruleIds.push('SENDABILITY');
  let gap: Gap | undefined;
  if (gaps !== undefined) for (const g of gaps) if (g.code === undefined || g.code === code) { gap = g; break; }
  if (gap) {
    ruleIds.push('EVIDENCE-GAP');
    evidence(all, eventIds, ruleIds, assumptions);
    return make(n.mobileNumber, code, 'unknown', sendable, eventIds, ruleIds, assumptions, `Cannot decide whether ${n.mobileNumber} may be texted on ${code}: ${gap.reason} (the replayed history alone says ${sendable ? 'sendable' : 'not sendable'}).`);
  }
  if (sendable) {
    const optedIn = only(all, 'OptedIn', nIn);
    evidence(optedIn, eventIds, ruleIds, assumptions);
    return make(n.mobileNumber, code, 'allowed', sendable, eventIds, ruleIds, assumptions, `Sendable on ${code}: opted in to ${list(optedIn)}${cite(eventIds)} and the contact is ${n.contact ?? 'Active'}.`);
  }
  if (nIn > 0 && (inactive || undeliverable)) {
    const optedIn = only(all, 'OptedIn', nIn);
    if (n.contactEventId !== undefined) eventIds.push(n.contactEventId);
    ruleIds.push(n.contactRuleId);
    assumptions.push(inactive ? 'inactiveBlocksSend' : 'undeliverableBlocksSend');
    const why = inactive ? 'the contact is Inactive' : 'the number is held as undeliverable';
    return make(n.mobileNumber, code, 'blocked-explicit', sendable, eventIds, ruleIds, assumptions, `Not sendable on ${code}: ${why}${cite(eventIds)}, although ${list(optedIn)} is opted in.`);
  }
  if (nOut > 0) {
    const out = only(all, 'OptedOut', nOut);
    evidence(out, eventIds, ruleIds, assumptions);
    return make(n.mobileNumber, code, 'blocked-explicit', sendable, eventIds, ruleIds, assumptions, `Not sendable on ${code}: opted out of ${list(out)}${cite(eventIds)} and opted in to no keyword.`);
  }
  evidence(all, eventIds, ruleIds, assumptions);
  if (nPending > 0) return make(n.mobileNumber, code, 'blocked-implicit', sendable, eventIds, ruleIds, assumptions, `Not sendable on ${code}: ${list(only(all, 'OptInPending', nPending))} is only opt-in pending, which counts as opted out.`);
  return make(n.mobileNumber, code, 'blocked-implicit', sendable, eventIds, ruleIds, assumptions, `Not sendable on ${code}: the number never opted in to any keyword there.`);
};
