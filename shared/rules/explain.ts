/**
 * Per-number explanation (product job 4 "Explain"): per code the verdict, then per keyword its status,
 * the event and rule that set it, the rule's sources and the decision's plain-English reason.
 */
import type { SubscriptionStatus } from '../model';
import type { Decision, Replay, VerdictView } from './replay-types';
import { RULES } from './rules-catalog';
import type { RuleId } from './rule-ids';
import { SOURCES, type Source } from './sources';

export interface KeywordExplanation {
  readonly keyword: string;
  readonly status: Exclude<SubscriptionStatus, 'None'>;
  readonly eventId?: string;
  readonly ruleId: RuleId;
  readonly ruleTitle: string;
  readonly sources: readonly Source[];
  /** The reason of the decision that set this status (absent for the starting state). */
  readonly reason?: string;
  /** The assumptions that decision relied on. */
  readonly assumptions: readonly string[];
}

export interface CodeExplanation {
  readonly code: string;
  readonly verdict: VerdictView;
  readonly keywords: readonly KeywordExplanation[];
}

export interface NumberExplanation {
  readonly mobileNumber: string;
  readonly contactStatus?: string;
  readonly codes: readonly CodeExplanation[];
}

/** Needs a replay with records 'full' for the reasons (without, statuses and rules are still given). */
export const explainNumber = (r: Replay, mobileNumber: string): NumberExplanation => {
  // The last decision that changed each subscription of this number.
  const setBy = new Map<string, Decision>();
  for (const s of r.steps) {
    if (s.event.mobileNumber !== mobileNumber) continue;
    for (const d of s.decisions) if (d.target === 'subscription' && d.changed) setBy.set(`${d.code}\u0000${d.keyword}`, d);
  }
  const codes: CodeExplanation[] = r.final.verdicts
    .filter((v) => v.mobileNumber === mobileNumber)
    .map((verdict) => ({
      code: verdict.code,
      verdict,
      keywords: r.final.subscriptions
        .filter((s) => s.mobileNumber === mobileNumber && s.code === verdict.code)
        .map((s) => {
          const d = setBy.get(`${s.code}\u0000${s.keyword}`);
          return {
            keyword: s.keyword, status: s.status, ruleId: s.ruleId, ruleTitle: RULES[s.ruleId].title,
            sources: RULES[s.ruleId].sources.map((id) => SOURCES[id]),
            ...(s.eventId !== undefined ? { eventId: s.eventId } : {}),
            assumptions: d?.assumptions ?? [],
            ...(d ? { reason: d.reason } : {}),
          };
        }),
    }));
  const contact = r.final.contacts.find((c) => c.mobileNumber === mobileNumber);
  return { mobileNumber, ...(contact ? { contactStatus: contact.status } : {}), codes };
};
