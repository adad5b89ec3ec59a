/**
 * A 'full' replay's records, kept compactly: per decision ten slots in one flat array (its kind, rule,
 * code, keyword, from, to, bits, assumptions and the two halves of its reason), per step where its
 * decisions, flags and changes start and how many there are (typed arrays). A step's Decision objects
 * and reason texts are built from those slots each time it is read (see LoggedStep), from the same
 * parts and by the same functions as when they were built during the replay, so reads and the JSON
 * are unchanged.
 *
 * Why: keeping ~10 small objects per event (a Decision of 12 fields per decision, its two-cell reason
 * rope, the step's event text, lists) made the garbage collector copy each of them out of the young
 * generation, and that copying was most of a 'full' replay's time. The flat array holds pointers to
 * texts that are shared anyway (headlines, rests, rule ids, assumption lists) and lives in the old
 * generation; what a step's reader builds dies young.
 */
import type { ContactStatus, ScenarioEvent, SubscriptionStatus } from '../model';
import type { AssumptionName, Assumptions } from './assumptions';
import { contactDecision, eventDecision, sendDecision, subscriptionDecision } from './decisions';
import { describeEvent } from './event-text';
import { reasonText, sentence } from './explain-text';
import type { Change, Decision, RaisedFlag, Replay, Step } from './replay-types';
import type { RuleId } from './rule-ids';

/** What a decision is about (slot 0); the other slots' meaning follows from it. */
const EVENT = 0;
const EVENT_WHY = 1;
const SUB = 2;
const CONTACT = 3;
const SEND = 4;
/** Slot 6: changed (contact), sent and sendable (send) as bits. */
const CHANGED = 1;
const SENT = 2;
const SENDABLE_TRUE = 4;
const SENDABLE_FALSE = 8;
const ONCE = 16;
const SLOTS = 10;

/** Most steps raise no flag and many change nothing: one frozen empty list for all of them. */
const NOTHING: readonly never[] = Object.freeze([]);

export class StepLog {
  private readonly slots: unknown[] = [];
  private readonly flags: RaisedFlag[] = [];
  private readonly changes: Change[] = [];
  /** Per step position: where its decisions (a slot index), flags and changes start, and how many of each. */
  private readonly dAt: Uint32Array;
  private readonly dN: Uint32Array;
  private readonly fAt: Uint32Array;
  private readonly fN: Uint32Array;
  private readonly cAt: Uint32Array;
  private readonly cN: Uint32Array;
  private readonly at: Float64Array;
  // Where the open step's records start.
  private d0 = 0;
  private f0 = 0;
  private c0 = 0;

  constructor(readonly a: Assumptions, steps: number) {
    this.dAt = new Uint32Array(steps);
    this.dN = new Uint32Array(steps);
    this.fAt = new Uint32Array(steps);
    this.fN = new Uint32Array(steps);
    this.cAt = new Uint32Array(steps);
    this.cN = new Uint32Array(steps);
    this.at = new Float64Array(steps);
  }

  /** Starts the records of the next step. */
  open(): void {
    this.d0 = this.slots.length;
    this.f0 = this.flags.length;
    this.c0 = this.changes.length;
  }

  /** Ends the open step, which sits at `position` in replay order. */
  close(position: number, event: ScenarioEvent, atMs: number): Step {
    this.dAt[position] = this.d0;
    this.dN[position] = (this.slots.length - this.d0) / SLOTS;
    this.fAt[position] = this.f0;
    this.fN[position] = this.flags.length - this.f0;
    this.cAt[position] = this.c0;
    this.cN[position] = this.changes.length - this.c0;
    this.at[position] = atMs;
    return new LoggedStep(position, event, this);
  }

  flag(f: RaisedFlag): void {
    this.flags.push(f);
  }

  change(ch: Change): void {
    this.changes.push(ch);
  }

  /** An event decision: reason "Headline: <what happened><rest> (citation)" (`once`: rest names an instant). */
  event(ruleId: RuleId, code: string | undefined, assumptions: readonly AssumptionName[], headline: string, rest: string): void {
    this.slots.push(EVENT, ruleId, code, undefined, undefined, undefined, 0, assumptions, headline, rest);
  }

  /** An event decision whose reason is "Headline: why (citation)". */
  eventWhy(ruleId: RuleId, code: string, assumptions: readonly AssumptionName[], headline: string, why: string): void {
    this.slots.push(EVENT_WHY, ruleId, code, undefined, undefined, undefined, 0, assumptions, headline, why);
  }

  sub(ruleId: RuleId, code: string, keyword: string, from: SubscriptionStatus, to: SubscriptionStatus, assumptions: readonly AssumptionName[], headline: string, rest: string, once: boolean): void {
    this.slots.push(SUB, ruleId, code, keyword, from, to, once ? ONCE : 0, assumptions, headline, rest);
  }

  contact(ruleId: RuleId, from: ContactStatus | 'None', to: ContactStatus | 'None', changed: boolean, assumptions: readonly AssumptionName[], headline: string, rest: string): void {
    this.slots.push(CONTACT, ruleId, undefined, undefined, from, to, changed ? CHANGED : 0, assumptions, headline, rest);
  }

  send(ruleId: RuleId, code: string, keyword: string | undefined, sendable: boolean | undefined, sent: boolean, assumptions: readonly AssumptionName[], headline: string, rest: string): void {
    const bits = (sent ? SENT : 0) | (sendable === true ? SENDABLE_TRUE : sendable === false ? SENDABLE_FALSE : 0);
    this.slots.push(SEND, ruleId, code, keyword, undefined, undefined, bits, assumptions, headline, rest);
  }

  atMs(position: number): number {
    return this.at[position]!;
  }

  /** The step's Decision objects, built from its slots (its event text once for all of them). */
  decisionsAt(position: number, event: ScenarioEvent): Decision[] {
    const n = this.dN[position]!;
    const out = new Array<Decision>(n);
    if (n === 0) return out;
    const s = this.slots;
    const { id, mobileNumber } = event;
    const what = describeEvent(event, this.at[position]!);
    for (let k = 0, i = this.dAt[position]!; k < n; k++, i += SLOTS) {
      const kind = s[i] as number;
      const ruleId = s[i + 1] as RuleId;
      const code = s[i + 2] as string;
      const keyword = s[i + 3] as string;
      const bits = s[i + 6] as number;
      const assumptions = s[i + 7] as readonly AssumptionName[];
      const headline = s[i + 8] as string;
      const rest = s[i + 9] as string;
      const reason = kind === EVENT_WHY
        ? sentence(headline, rest, ruleId, assumptions, this.a)
        : reasonText(headline, what, rest, ruleId, assumptions, this.a, (bits & ONCE) !== 0);
      switch (kind) {
        case EVENT:
        case EVENT_WHY:
          out[k] = eventDecision(ruleId, id, mobileNumber, code, assumptions, reason);
          break;
        case SUB:
          out[k] = subscriptionDecision(ruleId, id, mobileNumber, code, keyword, s[i + 4] as SubscriptionStatus, s[i + 5] as SubscriptionStatus, assumptions, reason);
          break;
        case CONTACT:
          out[k] = contactDecision(ruleId, id, mobileNumber, s[i + 4] as ContactStatus | 'None', s[i + 5] as ContactStatus | 'None', (bits & CHANGED) !== 0, assumptions, reason);
          break;
        case SEND: {
          const sendable = (bits & SENDABLE_TRUE) !== 0 ? true : (bits & SENDABLE_FALSE) !== 0 ? false : undefined;
          out[k] = sendDecision(ruleId, id, mobileNumber, code, keyword, sendable, (bits & SENT) !== 0, assumptions, reason);
          break;
        }
      }
    }
    return out;
  }

  flagsAt(position: number): readonly RaisedFlag[] {
    const n = this.fN[position]!;
    return n === 0 ? NOTHING : this.flags.slice(this.fAt[position]!, this.fAt[position]! + n);
  }

  changesAt(position: number): readonly Change[] {
    const n = this.cN[position]!;
    return n === 0 ? NOTHING : this.changes.slice(this.cAt[position]!, this.cAt[position]! + n);
  }
}

/** A step's plain record (what JSON and structured clone carry). */
export const plainStep = (s: Step): Step =>
  ({ index: s.index, event: s.event, atMs: s.atMs, skipped: s.skipped, decisions: s.decisions, flags: s.flags, changes: s.changes });

/** The replay with plain steps: for IPC results and anything else that structured-clones it. */
export const plainReplay = (r: Replay): Replay => (r.steps.length === 0 ? r : { ...r, steps: r.steps.map(plainStep) });

/**
 * A step of a 'full' replay: its index and event; the rest is read from the log on each access (a
 * step's Decision objects are built anew each time: kept, they would be what the log saves the GC from
 * copying). `toJSON` gives the plain record, so serialised replays are unchanged; structured clone
 * copies own fields only, so hand `plainReplay(r)` / `plainStep(s)` across a process boundary.
 */
class LoggedStep implements Step {
  readonly #log: StepLog;

  constructor(readonly index: number, readonly event: ScenarioEvent, log: StepLog) {
    this.#log = log;
  }

  get atMs(): number {
    return this.#log.atMs(this.index);
  }

  get skipped(): boolean {
    return this.event.skipped === true;
  }

  get decisions(): readonly Decision[] {
    return this.#log.decisionsAt(this.index, this.event);
  }

  get flags(): readonly RaisedFlag[] {
    return this.#log.flagsAt(this.index);
  }

  get changes(): readonly Change[] {
    return this.#log.changesAt(this.index);
  }

  toJSON(): Step {
    return plainStep(this);
  }
}
