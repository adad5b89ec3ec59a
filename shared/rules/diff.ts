/** Compare two replays of the same history (two rulebooks, or an edited timeline). */
import type { SubscriptionStatus } from '../model';
import type { Replay, Step, VerdictView } from './replay-types';

export interface SubscriptionDiff {
  readonly mobileNumber: string;
  readonly code: string;
  readonly keyword: string;
  readonly a: SubscriptionStatus;
  readonly b: SubscriptionStatus;
}

export interface VerdictDiff {
  readonly mobileNumber: string;
  readonly code: string;
  readonly a?: VerdictView;
  readonly b?: VerdictView;
}

export interface Divergence {
  readonly stepIndex: number;
  readonly eventId: string;
  readonly a?: Step;
  readonly b?: Step;
}

export interface ReplayDiff {
  readonly same: boolean;
  readonly subscriptions: readonly SubscriptionDiff[];
  readonly verdicts: readonly VerdictDiff[];
  /** The first step whose changes or flags differ; absent when none does (or records were 'none'). */
  readonly firstDivergence?: Divergence;
}

const K = '\u0000';

export const diffReplays = (a: Replay, b: Replay): ReplayDiff => {
  const subs = new Map<string, { mobileNumber: string; code: string; keyword: string; a: SubscriptionStatus; b: SubscriptionStatus }>();
  for (const s of a.final.subscriptions) subs.set([s.mobileNumber, s.code, s.keyword].join(K), { mobileNumber: s.mobileNumber, code: s.code, keyword: s.keyword, a: s.status, b: 'None' });
  for (const s of b.final.subscriptions) {
    const k = [s.mobileNumber, s.code, s.keyword].join(K);
    const e = subs.get(k);
    if (e) e.b = s.status;
    else subs.set(k, { mobileNumber: s.mobileNumber, code: s.code, keyword: s.keyword, a: 'None', b: s.status });
  }
  const subscriptions = [...subs.values()].filter((d) => d.a !== d.b);

  const verd = new Map<string, { mobileNumber: string; code: string; a?: VerdictView; b?: VerdictView }>();
  for (const v of a.final.verdicts) verd.set(v.mobileNumber + K + v.code, { mobileNumber: v.mobileNumber, code: v.code, a: v });
  for (const v of b.final.verdicts) {
    const k = v.mobileNumber + K + v.code;
    const e = verd.get(k);
    if (e) e.b = v;
    else verd.set(k, { mobileNumber: v.mobileNumber, code: v.code, b: v });
  }
  const verdicts = [...verd.values()].filter((d) => d.a?.verdict !== d.b?.verdict || d.a?.sendable !== d.b?.sendable);

  const firstDivergence = divergence(a.steps, b.steps);
  return {
    same: subscriptions.length === 0 && verdicts.length === 0 && firstDivergence === undefined,
    subscriptions,
    verdicts,
    ...(firstDivergence ? { firstDivergence } : {}),
  };
};

const stepKey = (s: Step): string =>
  JSON.stringify([s.event.id, s.skipped, s.changes.map((c) => (c.kind === 'contact' ? [c.mobileNumber, c.from, c.to, c.undeliverable] : [c.mobileNumber, c.code, c.keyword, c.from, c.to])), s.flags.map((f) => f.flag)]);

const divergence = (a: readonly Step[], b: readonly Step[]): Divergence | undefined => {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const sa = a[i];
    const sb = b[i];
    if (sa && sb && stepKey(sa) === stepKey(sb)) continue;
    return { stepIndex: i, eventId: sa?.event.id ?? sb?.event.id ?? '', ...(sa ? { a: sa } : {}), ...(sb ? { b: sb } : {}) };
  }
  return undefined;
};
