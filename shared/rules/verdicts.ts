/** Sendability and the verdict per (number, code), rules.md §1. */
import type { Gap } from '../model';
import type { AssumptionName, Assumptions } from './assumptions';
import type { VerdictView } from './replay-types';
import type { RuleId } from './rule-ids';
import { exact } from './exact';
import type { CodeState, NumberState, SubState } from './state';
import { text1 } from './text-cache';

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

/**
 * A list without duplicates, reused for every verdict (verdictFor is synchronous and not re-entrant):
 * pushing into fresh arrays grew each to 17 slots, the bulk of a replay's garbage, and emptying an
 * array (`length = 0`) is a slow builtin call. Verdicts keep exact-size copies of the first `n` items.
 */
class Bag<T> {
  readonly items: T[] = [];
  n = 0;

  clear(): void {
    this.n = 0;
  }

  add(x: T): void {
    const items = this.items;
    for (let i = 0; i < this.n; i++) if (items[i] === x) return;
    items[this.n++] = x;
  }

  /** An exact-size copy (a fresh, writable array). */
  copy(): T[] {
    return exact(this.items, this.n);
  }
}

const EVENT_IDS = new Bag<string>();
const RULE_IDS = new Bag<RuleId>();
const ASSUMPTIONS = new Bag<AssumptionName>();

const evidence = (subs: readonly SubState[]): void => {
  for (let i = 0; i < subs.length; i++) {
    const s = subs[i]!;
    if (s.eventId !== undefined) EVENT_IDS.add(s.eventId);
    RULE_IDS.add(s.ruleId);
    for (let j = 0; j < s.assumptions.length; j++) ASSUMPTIONS.add(s.assumptions[j]!);
  }
};

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
const shared = <T extends string>(xs: Bag<T>): readonly T[] => {
  let t = ROOT;
  for (let i = 0; i < xs.n; i++) {
    let next = t.next.get(xs.items[i]!);
    if (next === undefined) {
      if (trieNodes >= 1024) return Object.freeze(xs.copy());
      trieNodes++;
      next = { list: undefined, next: new Map() };
      t.next.set(xs.items[i]!, next);
    }
    t = next;
  }
  t.list ??= Object.freeze(xs.copy());
  return t.list as readonly T[];
};

const cite = (ids: Bag<string>): string => {
  if (ids.n === 0) return ' (starting state)';
  let out = ` (${ids.items[0]!}`;
  for (let i = 1; i < ids.n; i++) out += `, ${ids.items[i]!}`;
  return `${out})`;
};

/** The keywords with a status; usually all of them have it, and then no filtered copy is made. */
const only = (all: readonly SubState[], status: SubState['status'], count: number): readonly SubState[] =>
  (count === all.length ? all : all.filter((s) => s.status === status));

/**
 * Reasons are joined from their parts: join writes one flat string, where a template builds a rope
 * that must then be flattened (a replay keeps ~190k of these; see flat() in explain-text.ts).
 */
const make = (mobileNumber: string, code: string, verdict: VerdictView['verdict'], sendable: boolean, reason: string): VerdictView =>
  ({ mobileNumber, code, verdict, sendable, reason, eventIds: EVENT_IDS.copy(), ruleIds: shared(RULE_IDS), assumptions: shared(ASSUMPTIONS) });

/** "Not sendable on 12345: the number never opted in to any keyword there." per code, built once. */
const never = text1((code: string) => `Not sendable on ${code}: the number never opted in to any keyword there.`);

/**
 * `texts`: build the reason sentence. Replays without records ('none') leave it '' like their flag
 * reasons: their consumer (the verdict table) needs the verdict, evidence and rules, not the prose,
 * and the sentences were ~60 % of a verdict's cost.
 */
export const verdictFor = (a: Assumptions, n: NumberState, code: string, gaps: readonly Gap[] | undefined, texts = true): VerdictView => {
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
  EVENT_IDS.clear();
  RULE_IDS.clear();
  ASSUMPTIONS.clear();
  RULE_IDS.add('SENDABILITY');
  let gap: Gap | undefined;
  if (gaps !== undefined) for (const g of gaps) if (g.code === undefined || g.code === code) { gap = g; break; }
  if (gap) {
    RULE_IDS.add('EVIDENCE-GAP');
    evidence(all);
    return make(n.mobileNumber, code, 'unknown', sendable, !texts ? '' : ['Cannot decide whether ', n.mobileNumber, ' may be texted on ', code, ': ', gap.reason, ' (the replayed history alone says ', sendable ? 'sendable' : 'not sendable', ').'].join(''));
  }
  if (sendable) {
    const optedIn = only(all, 'OptedIn', nIn);
    evidence(optedIn);
    return make(n.mobileNumber, code, 'allowed', sendable, !texts ? '' : ['Sendable on ', code, ': opted in to ', list(optedIn), cite(EVENT_IDS), ' and the contact is ', n.contact ?? 'Active', '.'].join(''));
  }
  if (nIn > 0 && (inactive || undeliverable)) {
    const optedIn = only(all, 'OptedIn', nIn);
    if (n.contactEventId !== undefined) EVENT_IDS.add(n.contactEventId);
    RULE_IDS.add(n.contactRuleId);
    ASSUMPTIONS.add(inactive ? 'inactiveBlocksSend' : 'undeliverableBlocksSend');
    const why = inactive ? 'the contact is Inactive' : 'the number is held as undeliverable';
    return make(n.mobileNumber, code, 'blocked-explicit', sendable, !texts ? '' : ['Not sendable on ', code, ': ', why, cite(EVENT_IDS), ', although ', list(optedIn), ' is opted in.'].join(''));
  }
  if (nOut > 0) {
    const out = only(all, 'OptedOut', nOut);
    evidence(out);
    return make(n.mobileNumber, code, 'blocked-explicit', sendable, !texts ? '' : ['Not sendable on ', code, ': opted out of ', list(out), cite(EVENT_IDS), ' and opted in to no keyword.'].join(''));
  }
  evidence(all);
  if (nPending > 0) return make(n.mobileNumber, code, 'blocked-implicit', sendable, !texts ? '' : ['Not sendable on ', code, ': ', list(only(all, 'OptInPending', nPending)), ' is only opt-in pending, which counts as opted out.'].join(''));
  return make(n.mobileNumber, code, 'blocked-implicit', sendable, !texts ? '' : never(code));
};
