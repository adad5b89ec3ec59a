/** The shapes a replay produces: JSON data for the CLI, the simulator and evidence packs. */
import type { ContactStatus, Expectation, ScenarioEvent, SubscriptionStatus, Verdict } from '../model';
import type { AssumptionName, Assumptions } from './assumptions';
import type { FlagId, RuleId } from './rule-ids';
import type { SourceId } from './sources';

/**
 * 'full': steps with decisions and every reason text. 'none': final state, verdicts, flags and
 * expectations only — and no prose: flag and verdict `reason`s are '' (the verdict table needs the
 * verdict, its evidence and rules; explanations replay one number with 'full').
 */
export type RecordsMode = 'full' | 'none';

/** What one rule decided for one event; also recorded when nothing changed, so every step explains itself. */
export interface Decision {
  readonly ruleId: RuleId;
  readonly eventId: string;
  readonly mobileNumber: string;
  readonly code?: string;
  /** The subscription's keyword, when the decision is about one. */
  readonly keyword?: string;
  /** What `from`/`to` describe. */
  readonly target: 'subscription' | 'contact' | 'event';
  readonly from?: SubscriptionStatus | ContactStatus | 'None';
  readonly to?: SubscriptionStatus | ContactStatus | 'None';
  readonly changed: boolean;
  /** SEND-CHECK only: sendable on the code at that moment, and whether a message went out. */
  readonly sendable?: boolean;
  readonly sent?: boolean;
  readonly assumptions: readonly AssumptionName[];
  readonly sources: readonly SourceId[];
  /** Plain English an analyst can paste. */
  readonly reason: string;
}

export interface RaisedFlag {
  readonly flag: FlagId;
  readonly ruleId: RuleId;
  readonly eventId: string;
  readonly at: string;
  readonly mobileNumber: string;
  readonly code?: string;
  readonly keyword?: string;
  /** '' when records are 'none'. */
  readonly reason: string;
}

/** One state change; the changes of steps 0..N rebuild the state after step N. */
export type Change =
  | { readonly kind: 'subscription'; readonly mobileNumber: string; readonly code: string; readonly keyword: string; readonly from: SubscriptionStatus; readonly to: SubscriptionStatus; readonly ruleId: RuleId; readonly assumptions: readonly AssumptionName[] }
  | { readonly kind: 'contact'; readonly mobileNumber: string; readonly from: ContactStatus | 'None'; readonly to: ContactStatus | 'None'; readonly undeliverable?: boolean; readonly ruleId: RuleId };

/**
 * One replayed event. In a 'full' replay the decisions, flags and changes are kept compactly and read
 * on access (shared/rules/step-log.ts): `decisions` builds new Decision objects on each read, and a
 * step is a class instance whose JSON is this plain shape. Structured clone keeps own fields only, so
 * pass `plainReplay(r)` across a process boundary (IPC results do).
 */
export interface Step {
  /** Position in replay order. */
  readonly index: number;
  readonly event: ScenarioEvent;
  /** Epoch milliseconds of `event.at`. */
  readonly atMs: number;
  readonly skipped: boolean;
  readonly decisions: readonly Decision[];
  readonly flags: readonly RaisedFlag[];
  readonly changes: readonly Change[];
}

export interface SubscriptionView {
  readonly mobileNumber: string;
  readonly code: string;
  readonly keyword: string;
  readonly status: Exclude<SubscriptionStatus, 'None'>;
  /** The event that last changed it (absent: starting state). */
  readonly eventId?: string;
  readonly ruleId: RuleId;
}

export interface ContactView {
  readonly mobileNumber: string;
  readonly status: ContactStatus;
  readonly undeliverable?: boolean;
  readonly eventId?: string;
  readonly ruleId: RuleId;
}

export interface VerdictView {
  readonly mobileNumber: string;
  readonly code: string;
  readonly verdict: Verdict;
  readonly sendable: boolean;
  /** One sentence ('' when records are 'none'). */
  readonly reason: string;
  readonly eventIds: readonly string[];
  readonly ruleIds: readonly RuleId[];
  readonly assumptions: readonly AssumptionName[];
}

export interface StateView {
  readonly subscriptions: readonly SubscriptionView[];
  readonly contacts: readonly ContactView[];
  readonly verdicts: readonly VerdictView[];
}

export interface ExpectationResult {
  readonly index: number;
  readonly expectation: Expectation;
  readonly pass: boolean;
  readonly actual: unknown;
  /** "after e3: 12345678900 JOIN on 12345 is OptedOut (expected OptedOut)". */
  readonly message: string;
}

export interface RulebookInfo {
  readonly id: string;
  readonly preset: string;
  readonly assumptions: Assumptions;
  readonly hash: string;
}

export interface Replay {
  readonly rulebook: RulebookInfo;
  readonly records: RecordsMode;
  /** Per replayed event in replay order; empty when records are 'none'. */
  readonly steps: readonly Step[];
  /** The state before the first step (subscriptions and contacts). */
  readonly initial: Omit<StateView, 'verdicts'>;
  readonly final: StateView;
  readonly flags: readonly RaisedFlag[];
  readonly expectations: readonly ExpectationResult[];
}
