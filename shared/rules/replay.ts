/** The engine: a pure function of (rulebook, scenario) → replay. */
import type { Expectation, Gap, Scenario, ScenarioEvent } from '../model';
import { assertNever } from './assumptions';
import { Ctx, NO_ASSUMPTIONS } from './context';
import { parseIsoMs } from './iso-time';
import { checkExpectation } from './expectations';
import type { Rulebook } from './rulebook';
import type { ExpectationResult, RecordsMode, Replay, Step } from './replay-types';
import { applyJourneyLike, applyMessageContact, applySend } from './rules-api';
import { applyApiContact, applyImport, applyUi } from './rules-import';
import { applyInbound } from './rules-mo';
import { groupByNumber, numberValue, stableOrderBy } from './number-groups';
import { codeState, loadWorld, newNumberState, numberState, snapshotWorld, type NumberState, type World, type WorldSnapshot } from './state';
import { contactViews, FinalViews, finalViews, subscriptionViews } from './final-views';

export interface ReplayOptions {
  /** 'full' (default): steps with decisions, reasons and changes; 'none': final state, flags, expectations only. */
  readonly records?: RecordsMode;
  /** Continue from a saved world (see `replayState`) instead of the scenario's `initial`. */
  readonly initialState?: WorldSnapshot;
}

/** `world()`: the kept world, or for a replay that kept none (see run()) the scenario replayed again. */
interface Hidden { readonly world: () => World; readonly gaps: readonly Gap[] }
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

export const replay = (rulebook: Rulebook, scenario: Readonly<Scenario>, options: ReplayOptions = {}): Replay =>
  run(rulebook, scenario, options, false);

/**
 * `keepWorld`: keep the world for replayState. Otherwise a grouped replay that starts empty and checks
 * no expectations keeps none: each number's views are built when its events are done (replayGrouped)
 * and its state becomes garbage while still young, which halves what the GC copies and what the replay
 * keeps ('none', 1M events: see the rules README). replayState then replays the scenario again: the
 * engine is a pure function of (rulebook, scenario, options), so the world is the same.
 */
const run = (rulebook: Rulebook, scenario: Readonly<Scenario>, options: ReplayOptions, keepWorld: boolean): Replay => {
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
  const gaps = scenario.gaps ?? [];
  const grouped = expectAfter.size === 0;
  const streamed = grouped && !keepWorld && world.size === 0 && expectEnd.length === 0 ? new FinalViews(a, gaps, full) : undefined;
  const values = grouped ? new Float64Array(events.length) : undefined;
  const { order, times } = replayOrder(events, values);
  let steps: Step[] = [];
  // Without mid-replay expectations nothing observes the interleaving of numbers: steps are put at
  // their place in replay order, and flags back in it.
  if (grouped) {
    if (full) steps = new Array<Step>(order.length);
    replayGrouped(ctx, events, order, times, values!, full ? steps : undefined, streamed);
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

  const result: Replay = {
    rulebook: { id: rulebook.id, preset: rulebook.preset, assumptions: rulebook.assumptions, hash: rulebook.hash },
    records,
    steps,
    initial,
    final: streamed !== undefined ? streamed.finish() : finalViews(a, world, gaps, full),
    flags: ctx.flags,
    expectations: results,
  };
  const kept = (): World => world;
  HIDDEN.set(result, { world: streamed === undefined ? kept : () => HIDDEN.get(run(rulebook, scenario, options, true))!.world(), gaps });
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
const replayGrouped = (
  ctx: Ctx, events: readonly ScenarioEvent[], order: Uint32Array, times: Float64Array, values: Float64Array, steps: Step[] | undefined,
  streamed: FinalViews | undefined,
): void => {
  const { positions, starts } = groupByNumber(events, order, values);
  const flagPositions: number[] = [];
  ctx.flagPositions = flagPositions;
  // A group is one number: its state is looked up once. A world that started empty holds no number
  // before its group (groups are distinct numbers, and rules touch only their own number), so each
  // is created without a lookup and entered into the world after the loop, in group order — the
  // order the time-ordered loop enters them. Entering them in the loop cost 3-4x as much (100k
  // numbers: ~80 against 20-30 ms): the events streaming through the cache evicted the map's table.
  // `streamed`: the number's views are built instead, and no world is kept (see run()).
  const world = ctx.world;
  const created: NumberState[] | undefined = world.size === 0 && streamed === undefined ? new Array<NumberState>(starts.length - 1) : undefined;
  for (let g = 0; g + 1 < starts.length; g++) {
    const first = events[order[positions[starts[g]!]!]!]!.mobileNumber;
    const n = streamed !== undefined || created !== undefined ? newNumberState(first) : numberState(world, first);
    if (created !== undefined) created[g] = n;
    ctx.group = n;
    for (let j = starts[g]!; j < starts[g + 1]!; j++) {
      const p = positions[j]!;
      ctx.position = p;
      apply(ctx, events[order[p]!]!, times[order[p]!]!);
      if (steps !== undefined) steps[p] = ctx.step(p);
    }
    streamed?.add(n);
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

/**
 * The full world after the replay, to continue it later with `replay(..., { initialState })`. For a
 * replay that kept no world (see run()) this replays its scenario again, which must not have been
 * modified since (scenarios are read-only to the engine and its callers).
 */
export const replayState = (r: Replay): WorldSnapshot => {
  const h = HIDDEN.get(r);
  if (!h) throw new Error('replayState: not a replay produced by this engine');
  return snapshotWorld(h.world());
};

/** The hidden world and gaps of a replay (for stateAt). */
export const hiddenOf = (r: Replay): Hidden | undefined => HIDDEN.get(r);
