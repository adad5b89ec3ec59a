/**
 * Decision records ('full' mode), one builder and one fixed shape per kind of decision. Fields a kind
 * never has are left out, in Decision's key order, so the JSON is the same as one all-fields shape.
 * Positional on purpose: callers' option objects came in a dozen shapes, and reading them was
 * megamorphic (`node --log-ic`).
 */
import type { ContactStatus, SubscriptionStatus } from '../model';
import type { AssumptionName } from './assumptions';
import type { Decision } from './replay-types';
import { RULES } from './rules-catalog';
import type { RuleId } from './rule-ids';

type Sources = Decision['sources'];
const sources = (ruleId: RuleId): Sources => RULES[ruleId].sources;

/** About the event itself (nothing changed): a keyword read, a STOP with nothing to opt out of, … */
export const eventDecision = (ruleId: RuleId, eventId: string, mobileNumber: string, code: string | undefined,
  assumptions: readonly AssumptionName[], reason: string): Decision =>
  (code === undefined
    ? { ruleId, eventId, mobileNumber, target: 'event', changed: false, assumptions, sources: sources(ruleId), reason }
    : { ruleId, eventId, mobileNumber, code, target: 'event', changed: false, assumptions, sources: sources(ruleId), reason });

export const subscriptionDecision = (ruleId: RuleId, eventId: string, mobileNumber: string, code: string, keyword: string,
  from: SubscriptionStatus, to: SubscriptionStatus, assumptions: readonly AssumptionName[], reason: string): Decision =>
  ({ ruleId, eventId, mobileNumber, code, keyword, target: 'subscription', from, to, changed: from !== to, assumptions, sources: sources(ruleId), reason });

export const contactDecision = (ruleId: RuleId, eventId: string, mobileNumber: string, from: ContactStatus | 'None',
  to: ContactStatus | 'None', changed: boolean, assumptions: readonly AssumptionName[], reason: string): Decision =>
  ({ ruleId, eventId, mobileNumber, target: 'contact', from, to, changed, assumptions, sources: sources(ruleId), reason });

/** SEND-CHECK and the platform's refusals: whether the number was sendable and a message went out. */
export const sendDecision = (ruleId: RuleId, eventId: string, mobileNumber: string, code: string, keyword: string | undefined,
  sendable: boolean | undefined, sent: boolean, assumptions: readonly AssumptionName[], reason: string): Decision =>
  (keyword === undefined
    ? { ruleId, eventId, mobileNumber, code, target: 'event', changed: false, sendable, sent, assumptions, sources: sources(ruleId), reason }
    : { ruleId, eventId, mobileNumber, code, keyword, target: 'event', changed: false, sendable, sent, assumptions, sources: sources(ruleId), reason });
