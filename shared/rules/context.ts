/**
 * Per-replay context: the rulebook's assumptions, pre-indexed codes and keywords, the world, and the
 * recorders for the current step. Reason texts are built by callers only in 'full' mode (`ctx.full ?
 * text : ''`): a thunk per call cost a closure, and a context for what it captured, in 'none' mode too.
 */
import type { CodeDef, ContactStatus, KeywordDef, ScenarioEvent, SubscriptionStatus } from '../model';
import type { AssumptionName, Assumptions } from './assumptions';
import { describeEvent } from './event-text';
import type { Change, RaisedFlag, Step } from './replay-types';
import type { FlagId, RuleId } from './rule-ids';
import { contactHeadline, headlineFor } from './headlines';
import { StepLog } from './step-log';
import { codeState, numberState, type CodeState, type NumberState, type SubState, type SubStatus, type World } from './state';

export interface KeywordIndex {
  readonly def: KeywordDef;
  readonly key: string;
  /** Canonical valid responses (double opt-in). */
  readonly responses: ReadonlySet<string>;
}
export interface CodeIndex {
  readonly def: CodeDef;
  readonly keywords: ReadonlyMap<string, KeywordIndex>;
}

/** The one empty assumptions list (the citation cache keys on the list object). */
export const NO_ASSUMPTIONS: readonly AssumptionName[] = [];
const DEFAULT_RESPONSES = ['Y', 'YES'];

export class Ctx {
  readonly full: boolean;
  readonly codes = new Map<string, CodeIndex>();
  readonly singleStops = new Set<string>();
  /** Canonical multi-word STOP phrases ("OPT OUT"), matched only when multiWordStop is on. */
  readonly multiStops: string[] = [];
  /** First words of the multi-word STOP phrases ("OPT"): only texts starting with one are normalised. */
  readonly multiFirst = new Set<string>();
  readonly flags: RaisedFlag[] = [];
  /** 'full' mode: every step's decisions, flags and changes (see step-log.ts). */
  readonly log: StepLog | undefined;
  // The current step.
  event!: ScenarioEvent;
  eventId = '';
  mobileNumber = '';
  at = 0;
  /** Grouped replays (replay.ts): the current event's position in replay order, recorded per flag. */
  position = 0;
  flagPositions: number[] | undefined;

  /** `steps`: how many steps a 'full' replay will record. */
  constructor(readonly a: Assumptions, codes: readonly CodeDef[], readonly world: World, full: boolean, steps = 0) {
    this.full = full;
    this.log = full ? new StepLog(a, steps) : undefined;
    for (const def of codes) {
      const keywords = new Map<string, KeywordIndex>();
      for (const k of def.keywords) {
        const responses = new Set((k.validResponses ?? DEFAULT_RESPONSES).map((r) => this.canon(r)));
        keywords.set(this.canon(k.keyword), { def: k, key: this.canon(k.keyword), responses });
      }
      this.codes.set(def.code, { def, keywords });
    }
    for (const w of a.stopWords) {
      const c = this.canon(w).replace(/\s+/g, ' ');
      if (c.includes(' ')) {
        this.multiStops.push(c);
        this.multiFirst.add(c.slice(0, c.indexOf(' ')));
      }
      else this.singleStops.add(c);
    }
  }

  /** Canonical spellings seen so far: keywords repeat, so this saves an allocation per event. */
  private readonly canonCache = new Map<string, string>();

  canon(s: string): string {
    const hit = this.canonCache.get(s);
    if (hit !== undefined) return hit;
    const c = this.a.keywordCaseInsensitive ? s.trim().toUpperCase() : s.trim();
    // Bounded: free-text first words must not grow it without limit.
    if (this.canonCache.size < 4096) this.canonCache.set(s, c);
    return c;
  }

  keyword(code: string, name: string): KeywordIndex | undefined {
    return this.codes.get(code)?.keywords.get(this.canon(name));
  }

  /** Display spelling of a keyword on a code (the code's own spelling when it defines it). */
  display(code: string, name: string): string {
    return this.keyword(code, name)?.def.keyword ?? name.trim();
  }

  /** Display spelling for an already canonical key. */
  displayKey(code: string, key: string): string {
    return this.codes.get(code)?.keywords.get(key)?.def.keyword ?? key;
  }

  begin(event: ScenarioEvent, at: number): void {
    this.event = event;
    // Read once per step: events of different types have different shapes, so each read of an
    // event's field is megamorphic.
    this.eventId = event.id;
    this.mobileNumber = event.mobileNumber;
    this.at = at;
    this.whatText = undefined;
    this.log?.open();
  }

  /** The current step ('full' mode), at `index` in replay order. */
  step(index: number): Step {
    return this.log!.close(index, this.event, this.at);
  }

  /** Records a state change of the current step ('full' mode). */
  change(ch: Change): void {
    this.log!.change(ch);
  }

  // The last number looked up: in time-ordered replays, consecutive events of one number skip the
  // world's hash lookup. A number's state object never changes once created.
  private lastNumber: string | undefined;
  private lastState: NumberState | undefined;

  /**
   * Grouped replays: every event of the current group is `group`'s number (rules only look up
   * their own event's number), so `num` returns it without reading or comparing the digits.
   */
  group: NumberState | undefined;

  num(mobileNumber: string): NumberState {
    if (this.group !== undefined) return this.group;
    if (mobileNumber === this.lastNumber) return this.lastState!;
    const n = numberState(this.world, mobileNumber);
    this.lastNumber = mobileNumber;
    this.lastState = n;
    return n;
  }

  code(n: NumberState, code: string): CodeState {
    return codeState(n, code);
  }

  private whatText: string | undefined;

  /** "the subscriber texted "STOP" to 12345 on 2025-04-23 14:00 UTC" (once per step). */
  what(): string {
    if (this.whatText === undefined) this.whatText = describeEvent(this.event, this.at);
    return this.whatText;
  }

  /**
   * Decisions ('full' mode only; callers check `ctx.full` first and pass the parts built). The
   * reason is "Headline: <what happened><rest> (citation)", put together when the step is read
   * (step-log.ts); `once`: the rest names an instant, so it is not worth caching.
   */
  decideEvent(ruleId: RuleId, code: string | undefined, assumptions: readonly AssumptionName[], headline: string, rest: string): void {
    this.log?.event(ruleId, code, assumptions, headline, rest);
  }

  /** An event decision whose reason does not start with what happened: "Headline: why (citation)". */
  decideEventWhy(ruleId: RuleId, code: string, headline: string, why: string): void {
    this.log?.eventWhy(ruleId, code, NO_ASSUMPTIONS, headline, why);
  }

  decideSub(ruleId: RuleId, code: string, keyword: string, from: SubscriptionStatus, to: SubscriptionStatus, assumptions: readonly AssumptionName[], headline: string, rest: string, once = false): void {
    this.log?.sub(ruleId, code, keyword, from, to, assumptions, headline, rest, once);
  }

  decideContact(ruleId: RuleId, from: ContactStatus | 'None', to: ContactStatus | 'None', changed: boolean, assumptions: readonly AssumptionName[], headline: string, rest: string): void {
    this.log?.contact(ruleId, from, to, changed, assumptions, headline, rest);
  }

  decideSend(ruleId: RuleId, code: string, keyword: string | undefined, sendable: boolean | undefined, sent: boolean, assumptions: readonly AssumptionName[], headline: string, rest: string): void {
    this.log?.send(ruleId, code, keyword, sendable, sent, assumptions, headline, rest);
  }

  /**
   * Sets a subscription, records the change and its decision (`why`: the reason after what happened,
   * '' in 'none' mode). Returns the previous status.
   */
  setSub(
    c: CodeState, key: string, keyword: string, to: SubStatus, ruleId: RuleId, assumptions: readonly AssumptionName[],
    why: string, byStop = false, windowEnds?: number,
  ): SubscriptionStatus {
    let s: SubState | undefined = c.subs.get(key);
    const from: SubscriptionStatus = s?.status ?? 'None';
    if (s === undefined) {
      s = { key, status: to, keyword, eventId: this.eventId, ruleId, assumptions, windowEnds, byStop };
      c.subs.put(s);
    } else {
      s.status = to;
      s.eventId = this.eventId;
      s.ruleId = ruleId;
      s.assumptions = assumptions;
      s.windowEnds = windowEnds;
      s.byStop = byStop;
    }
    if (this.full) this.recordSub(c.code, keyword, from, to, ruleId, assumptions, why, windowEnds !== undefined);
    return from;
  }

  /**
   * Kept out of setSub: a closure there (the headline) made V8 allocate a context on every call,
   * 'none' mode included.
   */
  private recordSub(code: string, keyword: string, from: SubscriptionStatus, to: SubStatus, ruleId: RuleId, assumptions: readonly AssumptionName[], why: string, once: boolean): void {
    if (from !== to) this.change({ kind: 'subscription', mobileNumber: this.mobileNumber, code, keyword, from, to, ruleId, assumptions });
    this.decideSub(ruleId, code, keyword, from, to, assumptions, headlineFor(from, to, keyword, code), why, once);
  }

  setContact(n: NumberState, to: ContactStatus, ruleId: RuleId, why: string, assumptions: readonly AssumptionName[] = NO_ASSUMPTIONS): void {
    const from = n.contact;
    n.contact = to;
    n.contactEventId = this.eventId;
    n.contactRuleId = ruleId;
    if (this.full) this.recordContact(n, from, to, ruleId, why, assumptions);
  }

  /** Kept out of setContact for the same reason as recordSub. */
  private recordContact(n: NumberState, from: ContactStatus | undefined, to: ContactStatus, ruleId: RuleId, why: string, assumptions: readonly AssumptionName[]): void {
    if (from !== to) this.change({ kind: 'contact', mobileNumber: n.mobileNumber, from: from ?? 'None', to, ruleId });
    this.decideContact(ruleId, from ?? 'None', to, (from ?? 'None') !== to, assumptions, contactHeadline(from, to), why);
  }

  /**
   * Raises a flag whose reason is "<what happened><rest>": a rope of one cell over the step's event
   * text, so `rest` must be flat (a constant, cached, or joined); '' in 'none' mode.
   */
  flag(flag: FlagId, ruleId: RuleId, code: string | undefined, keyword: string | undefined, rest: string): void {
    this.raise(flag, ruleId, code, keyword, this.full ? this.what() + rest : '');
  }

  /** Raises a flag whose reason does not start with what happened; `why` must be flat (joined), '' in 'none' mode. */
  flagText(flag: FlagId, ruleId: RuleId, code: string | undefined, keyword: string | undefined, why: string): void {
    this.raise(flag, ruleId, code, keyword, why);
  }

  private raise(flag: FlagId, ruleId: RuleId, code: string | undefined, keyword: string | undefined, reason: string): void {
    // Fixed shape; absent code/keyword stay undefined (JSON leaves them out).
    const f: RaisedFlag = { flag, ruleId, eventId: this.eventId, at: this.event.at, mobileNumber: this.mobileNumber, code, keyword, reason };
    this.flags.push(f);
    this.flagPositions?.push(this.position);
    this.log?.flag(f);
  }
}
