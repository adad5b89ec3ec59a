/** The engine: a pure function of (rulebook, scenario) → replay. */
import type { Expectation, Gap, Scenario, ScenarioEvent } from '../model';
import { assertNever, type Assumptions } from './assumptions';
import { Ctx, NO_ASSUMPTIONS } from './context';
import { parseIsoMs } from './iso-time';
import { checkExpectation } from './expectations';
import type { Rulebook } from './rulebook';
import type { ContactView, ExpectationResult, RecordsMode, Replay, StateView, Step, SubscriptionView, VerdictView } from './replay-types';
import { applyJourneyLike, applyMessageContact, applySend } from './rules-api';
import { applyApiContact, applyImport, applyUi } from './rules-import';
import { applyInbound } from './rules-mo';
import { groupByNumber, numberValue, stableOrderBy } from './number-groups';
import { codeState, effectiveContact, loadWorld, newNumberState, numberState, snapshotWorld, type NumberState, type World, type WorldSnapshot } from './state';
import { verdictFor } from './verdicts';

export interface ReplayOptions {
  /** 'full' (default): steps with decisions, reasons and changes; 'none': final state, flags, expectations only. */
  readonly records?: RecordsMode;
  /** Continue from a saved world (see `replayState`) instead of the scenario's `initial`. */
  readonly initialState?: WorldSnapshot;
}

interface Hidden { readonly world: World; readonly gaps: readonly Gap[]; readonly a: Assumptions }
const HIDDEN = new WeakMap<Replay, Hidden>();

/** Epoch ms of an ISO-8601 timestamp with offset; NaN sorts last. */
export const eventTime = (e: Readonly<ScenarioEvent>): number => {
  const t = parseIsoMs(e.at);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};

/**
 * Replay order: by `at`, equal instants in file order (stable). `values`, when given, receives each
 * event's numberValue (number-groups.ts) in the same pass over the events.
 */
export const replayOrder = (events: readonly ScenarioEvent[], values?: Float64Array): { order: Uint32Array; times: Float64Array } => {
  const times = new Float64Array(events.length);
  let sorted = true;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    times[i] = eventTime(e);
    if (values !== undefined) values[i] = numberValue(e.mobileNumber);
    if (i > 0 && times[i]! < times[i - 1]!) sorted = false;
  }
  const order = new Uint32Array(events.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (!sorted) order.sort((x, y) => times[x]! - times[y]! || x - y);
  return { order, times };
};

export const initialWorld = (ctx: Ctx, scenario: Readonly<Scenario>): World => {
  const world = ctx.world;
  for (const ic of scenario.initial?.contacts ?? []) {
    const n = numberState(world, ic.mobileNumber);
    n.contact = ic.status;
    n.undeliverable = ic.undeliverable === true;
  }
  for (const is of scenario.initial?.subscriptions ?? []) {
    const c = codeState(numberState(world, is.mobileNumber), is.code);
    c.subs.put({
      key: ctx.canon(is.keyword), status: is.status, keyword: ctx.display(is.code, is.keyword), eventId: undefined, ruleId: 'INITIAL-STATE',
      assumptions: [], windowEnds: undefined, byStop: false,
    });
  }
  return world;
};

export const replay = (rulebook: Rulebook, scenario: Readonly<Scenario>, options: ReplayOptions = {}): Replay => {
  const records = options.records ?? 'full';
  const full = records === 'full';
  const a = rulebook.assumptions;
  const world: World = options.initialState ? loadWorld(options.initialState) : new Map();
  const ctx = new Ctx(a, scenario.codes, world, full, scenario.events.length);
  if (!options.initialState) initialWorld(ctx, scenario);
  const initial = { subscriptions: subscriptionViews(world), contacts: contactViews(world) };

  const expectAfter = new Map<string, { index: number; x: Expectation }[]>();
  const expectEnd: { index: number; x: Expectation }[] = [];
  (scenario.expect ?? []).forEach((x, index) => {
    if (x.after === undefined) expectEnd.push({ index, x });
    else {
      const list = expectAfter.get(x.after);
      if (list) list.push({ index, x });
      else expectAfter.set(x.after, [{ index, x }]);
    }
  });
  const results: ExpectationResult[] = [];
  const canon = (s: string): string => ctx.canon(s);

  const events = scenario.events;
  const grouped = expectAfter.size === 0;
  const values = grouped ? new Float64Array(events.length) : undefined;
  const { order, times } = replayOrder(events, values);
  let steps: Step[] = [];
  // Without mid-replay expectations nothing observes the interleaving of numbers: steps are put at
  // their place in replay order, and flags back in it.
  if (grouped) {
    if (full) steps = new Array<Step>(order.length);
    replayGrouped(ctx, events, order, times, values!, full ? steps : undefined);
  } else {
    for (let i = 0; i < order.length; i++) {
      const ev = events[order[i]!]!;
      apply(ctx, ev, times[order[i]!]!);
      if (full) steps.push(ctx.step(i));
      if (expectAfter.size > 0) {
        const due = expectAfter.get(ev.id);
        if (due) for (const { index, x } of due) results.push(checkExpectation(index, x, world, ctx.flags, a, canon));
      }
    }
  }
  for (const { index, x } of expectEnd) results.push(checkExpectation(index, x, world, ctx.flags, a, canon));
  results.sort((p, q) => p.index - q.index);

  const gaps = scenario.gaps ?? [];
  const result: Replay = {
    rulebook: { id: rulebook.id, preset: rulebook.preset, assumptions: rulebook.assumptions, hash: rulebook.hash },
    records,
    steps,
    initial,
    final: finalViews(a, world, gaps, full),
    flags: ctx.flags,
    expectations: results,
  };
  HIDDEN.set(result, { world, gaps, a });
  return result;
};

const apply = (ctx: Ctx, ev: ScenarioEvent, at: number): void => {
  ctx.begin(ev, at);
  if (ev.skipped === true) {
    if (ctx.full) ctx.decideEvent('EVENT-SKIPPED', undefined, NO_ASSUMPTIONS, 'Skipped', `, but the event is marked skipped and left out of the replay`);
  } else {
    dispatch(ctx, ev);
  }
};

/**
 * One number's events after another's (see number-groups.ts), each step stored at its position in
 * replay order ('full' mode), then the flags put back in replay order. The same steps, final state
 * and flags as the time-ordered loop; property tests hold them equal.
 */
const replayGrouped = (ctx: Ctx, events: readonly ScenarioEvent[], order: Uint32Array, times: Float64Array, values: Float64Array, steps: Step[] | undefined): void => {
  const { positions, starts } = groupByNumber(events, order, values);
  const flagPositions: number[] = [];
  ctx.flagPositions = flagPositions;
  // A group is one number: its state is looked up once. A world that started empty holds no number
  // before its group (groups are distinct numbers, and rules touch only their own number), so each
  // is created without a lookup and entered into the world after the loop, in group order — the
  // order the time-ordered loop enters them. Entering them in the loop cost 3-4x as much (100k
  // numbers: ~80 against 20-30 ms): the events streaming through the cache evicted the map's table.
  const world = ctx.world;
  const created: NumberState[] | undefined = world.size === 0 ? new Array<NumberState>(starts.length - 1) : undefined;
  for (let g = 0; g + 1 < starts.length; g++) {
    const first = events[order[positions[starts[g]!]!]!]!.mobileNumber;
    ctx.group = created !== undefined ? (created[g] = newNumberState(first)) : numberState(world, first);
    for (let j = starts[g]!; j < starts[g + 1]!; j++) {
      const p = positions[j]!;
      ctx.position = p;
      apply(ctx, events[order[p]!]!, times[order[p]!]!);
      if (steps !== undefined) steps[p] = ctx.step(p);
    }
  }
  ctx.group = undefined;
  if (created !== undefined) for (let g = 0; g < created.length; g++) world.set(created[g]!.mobileNumber, created[g]!);
  ctx.flagPositions = undefined;
  const flags = ctx.flags;
  const byPosition = stableOrderBy(Uint32Array.from(flagPositions), flags.length, order.length);
  const copy = flags.slice();
  for (let i = 0; i < copy.length; i++) flags[i] = copy[byPosition[i]!]!;
};

const dispatch = (ctx: Ctx, ev: ScenarioEvent): void => {
  switch (ev.type) {
    case 'mo':
    case 'api.queueMO': return applyInbound(ctx, ev);
    case 'api.messageContact': return applyMessageContact(ctx, ev);
    case 'api.contact': return applyApiContact(ctx, ev);
    case 'import': return applyImport(ctx, ev);
    case 'ui': return applyUi(ctx, ev);
    case 'journey.sms':
    case 'outbound.de': return applyJourneyLike(ctx, ev);
    case 'send': return applySend(ctx, ev);
    default: return assertNever(ev);
  }
};

/** The full world after the replay, to continue it later with `replay(..., { initialState })`. */
export const replayState = (r: Replay): WorldSnapshot => {
  const h = HIDDEN.get(r);
  if (!h) throw new Error('replayState: not a replay produced by this engine');
  return snapshotWorld(h.world);
};

const addSubscriptionViews = (n: NumberState, out: SubscriptionView[]): void => {
  for (const c of n.codes.values()) {
    for (const s of c.subs.values()) {
      out.push(s.eventId === undefined
        ? { mobileNumber: n.mobileNumber, code: c.code, keyword: s.keyword, status: s.status, ruleId: s.ruleId }
        : { mobileNumber: n.mobileNumber, code: c.code, keyword: s.keyword, status: s.status, eventId: s.eventId, ruleId: s.ruleId });
    }
  }
};

const addContactView = (n: NumberState, out: ContactView[]): void => {
  const status = effectiveContact(n);
  if (status === undefined) return;
  // Plain literals, not conditional spreads: no temporary objects per number, same key order.
  const { mobileNumber, contactRuleId: ruleId, contactEventId: eventId } = n;
  if (n.undeliverable) out.push(eventId === undefined ? { mobileNumber, status, ruleId, undeliverable: true } : { mobileNumber, status, ruleId, undeliverable: true, eventId });
  else out.push(eventId === undefined ? { mobileNumber, status, ruleId } : { mobileNumber, status, ruleId, eventId });
};

export const subscriptionViews = (world: World): SubscriptionView[] => {
  const out: SubscriptionView[] = [];
  for (const n of world.values()) addSubscriptionViews(n, out);
  return out;
};

export const contactViews = (world: World): ContactView[] => {
  const out: ContactView[] = [];
  for (const n of world.values()) addContactView(n, out);
  return out;
};

const gapsByNumber = (gaps: readonly Gap[]): Map<string, Gap[]> => {
  const byNumber = new Map<string, Gap[]>();
  for (const g of gaps) {
    const list = byNumber.get(g.mobileNumber);
    if (list) list.push(g);
    else byNumber.set(g.mobileNumber, [g]);
  }
  return byNumber;
};

/** A number's verdicts: per code it has, then per code only its gaps name. */
const numberVerdicts = (a: Assumptions, n: NumberState, g: readonly Gap[] | undefined, texts: boolean, out: VerdictView[]): void => {
  const codes = n.codes.values();
  for (let i = 0; i < codes.length; i++) out.push(verdictFor(a, n, codes[i]!.code, g, texts));
  if (g === undefined) return;
  const extra = new Set(g.map((x) => x.code).filter((x): x is string => x !== undefined && !n.codes.has(x)));
  for (const code of extra) out.push(verdictFor(a, n, code, g, texts));
};

/**
 * The final state's subscriptions, contacts and verdicts (`texts`: verdict sentences too; false for
 * replays without records, see verdictFor), each in world order, in ONE pass over the
 * world: a number's state objects are scattered in memory, and three passes (one per list) missed the
 * CPU cache on each of them three times (~1 µs per number at 100k numbers).
 */
export const finalViews = (a: Assumptions, world: World, gaps: readonly Gap[], texts = true): StateView => {
  const byNumber = gapsByNumber(gaps);
  const subscriptions: SubscriptionView[] = [];
  const contacts: ContactView[] = [];
  const verdicts: VerdictView[] = [];
  for (const n of world.values()) {
    addSubscriptionViews(n, subscriptions);
    addContactView(n, contacts);
    // Most histories have no gaps: then skip hashing every number for nothing.
    numberVerdicts(a, n, byNumber.size === 0 ? undefined : byNumber.get(n.mobileNumber), texts, verdicts);
  }
  // Gaps about numbers the history never mentions still get an `unknown` verdict.
  for (const [num, g] of byNumber) {
    if (world.has(num)) continue;
    const n = numberState(new Map(), num);
    for (const code of new Set(g.map((x) => x.code).filter((x): x is string => x !== undefined))) verdicts.push(verdictFor(a, n, code, g, texts));
  }
  return { subscriptions, contacts, verdicts };
};

/** The hidden world and gaps of a replay (for stateAt). */
export const hiddenOf = (r: Replay): Hidden | undefined => HIDDEN.get(r);
