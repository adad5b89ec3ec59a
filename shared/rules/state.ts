/**
 * The engine's mutable world: Map-based and keyed by number, then code, then canonical keyword, so an
 * event touches only its own entries (no copying of the whole state per event).
 */
import type { ContactStatus, SubscriptionStatus } from '../model';
import type { AssumptionName } from './assumptions';
import type { RuleId } from './rule-ids';
import { SmallMap } from './small-map';

export type SubStatus = Exclude<SubscriptionStatus, 'None'>;

export interface SubState {
  /** Canonical keyword (the map key). */
  readonly key: string;
  status: SubStatus;
  /** Keyword as the code defines it (display spelling). */
  keyword: string;
  eventId: string | undefined;
  ruleId: RuleId;
  assumptions: readonly AssumptionName[];
  /**
   * End of an open double / age opt-in window (epoch ms). undefined, not NaN, when none: a number
   * field holds a separately allocated box per object, ~450k extra objects in a 1M-event replay.
   */
  windowEnds: number | undefined;
  /** Opted out by the subscriber's own STOP (drives REOPTIN-AFTER-STOP). */
  byStop: boolean;
}

export interface CodeState {
  readonly code: string;
  /** The same as `code` (the map key). */
  readonly key: string;
  readonly subs: SmallMap<SubState>;
  /** A plain-words revocation not yet honoured (epoch ms; undefined, like windowEnds) — LATE-OPTOUT-HONOURED. */
  revokedAt: number | undefined;
  revokedBy: string | undefined;
}

export interface NumberState {
  readonly mobileNumber: string;
  /** undefined: no Demographics row (an Active contact once it has a subscription). */
  contact: ContactStatus | undefined;
  contactEventId: string | undefined;
  contactRuleId: RuleId;
  undeliverable: boolean;
  readonly codes: SmallMap<CodeState>;
}

export type World = Map<string, NumberState>;

/*
 * A number IS its map of codes and a code IS its map of keywords (`codes`/`subs` return `this`): one
 * object each instead of two, which a 100k-number replay keeps ~300k of.
 */
class NumberEntry extends SmallMap<CodeState> implements NumberState {
  contact: ContactStatus | undefined = undefined;
  contactEventId: string | undefined = undefined;
  contactRuleId: RuleId = 'INITIAL-STATE';
  undeliverable = false;
  constructor(readonly mobileNumber: string) {
    super();
  }
  get codes(): SmallMap<CodeState> {
    return this;
  }
}

class CodeEntry extends SmallMap<SubState> implements CodeState {
  revokedAt: number | undefined = undefined;
  revokedBy: string | undefined = undefined;
  constructor(readonly code: string) {
    super();
  }
  /** The map key is the code itself: no second field per code state. */
  get key(): string {
    return this.code;
  }
  get subs(): SmallMap<SubState> {
    return this;
  }
}

export const numberState = (world: World, mobileNumber: string): NumberState => {
  let n = world.get(mobileNumber);
  if (n === undefined) {
    n = new NumberEntry(mobileNumber);
    world.set(mobileNumber, n);
  }
  return n;
};

/** A number's state, not yet in any world (the caller enters it). */
export const newNumberState = (mobileNumber: string): NumberState => new NumberEntry(mobileNumber);

export const codeState = (n: NumberState, code: string): CodeState => {
  let c = n.codes.get(code);
  if (c === undefined) {
    c = new CodeEntry(code);
    n.codes.put(c);
  }
  return c;
};

export const subStatus = (c: CodeState | undefined, key: string): SubscriptionStatus => c?.subs.get(key)?.status ?? 'None';

/** The contact status as the platform would show it: no row but a subscription = Active. */
export const effectiveContact = (n: NumberState): ContactStatus | undefined => {
  if (n.contact !== undefined) return n.contact;
  for (const c of n.codes.values()) if (c.subs.size > 0) return 'Active';
  return undefined;
};

/**
 * A JSON snapshot of the whole world, internal bookkeeping included, so a replay can be continued
 * later (`replay(..., { initialState })`) with the same result as replaying everything at once.
 */
export interface WorldSnapshot {
  readonly numbers: readonly {
    readonly mobileNumber: string;
    readonly contact?: ContactStatus;
    readonly contactEventId?: string;
    readonly contactRuleId: RuleId;
    readonly undeliverable: boolean;
    readonly codes: readonly {
      readonly code: string;
      readonly revokedAt?: number;
      readonly revokedBy?: string;
      readonly subs: readonly {
        readonly key: string;
        readonly keyword: string;
        readonly status: SubStatus;
        readonly eventId?: string;
        readonly ruleId: RuleId;
        readonly assumptions: readonly AssumptionName[];
        readonly windowEnds?: number;
        readonly byStop: boolean;
      }[];
    }[];
  }[];
}

export const snapshotWorld = (world: World): WorldSnapshot => ({
  numbers: [...world.values()].map((n) => ({
    mobileNumber: n.mobileNumber,
    ...(n.contact !== undefined ? { contact: n.contact } : {}),
    ...(n.contactEventId !== undefined ? { contactEventId: n.contactEventId } : {}),
    contactRuleId: n.contactRuleId,
    undeliverable: n.undeliverable,
    codes: [...n.codes.values()].map((c) => ({
      code: c.code,
      ...(c.revokedAt === undefined ? {} : { revokedAt: c.revokedAt }),
      ...(c.revokedBy !== undefined ? { revokedBy: c.revokedBy } : {}),
      subs: c.subs.values().map((s) => ({
        key: s.key,
        keyword: s.keyword,
        status: s.status,
        ...(s.eventId !== undefined ? { eventId: s.eventId } : {}),
        ruleId: s.ruleId,
        assumptions: s.assumptions,
        ...(s.windowEnds === undefined ? {} : { windowEnds: s.windowEnds }),
        byStop: s.byStop,
      })),
    })),
  })),
});

export const loadWorld = (snap: Readonly<WorldSnapshot>): World => {
  const world: World = new Map();
  for (const sn of snap.numbers) {
    const n = numberState(world, sn.mobileNumber);
    n.contact = sn.contact;
    n.contactEventId = sn.contactEventId;
    n.contactRuleId = sn.contactRuleId;
    n.undeliverable = sn.undeliverable;
    for (const sc of sn.codes) {
      const c = codeState(n, sc.code);
      c.revokedAt = sc.revokedAt;
      c.revokedBy = sc.revokedBy;
      for (const s of sc.subs) {
        c.subs.put({ key: s.key, status: s.status, keyword: s.keyword, eventId: s.eventId, ruleId: s.ruleId, assumptions: s.assumptions, windowEnds: s.windowEnds, byStop: s.byStop });
      }
    }
  }
  return world;
};
