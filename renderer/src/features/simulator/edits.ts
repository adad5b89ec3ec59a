/**
 * Pure what-if edits on a scenario's events. Every edited, inserted or moved event is marked
 * `hypothetical`; skip only toggles `skipped`. Replay order is by `at` with ties in file order, so a
 * move copies the new neighbour's time and places the event next to it in the array.
 */
import type { Expectation, Scenario, ScenarioEvent } from '../../../../shared/model';
import type { StateView } from './engine-adapter';

type Ev = ScenarioEvent;
const mark = (e: Ev): Ev => ({ ...e, hypothetical: true });

export const replaceEvent = (s: Scenario, id: string, next: Ev): Scenario => ({ ...s, events: s.events.map((e) => (e.id === id ? mark(next) : e)) });

export const toggleSkip = (s: Scenario, id: string): Scenario => ({
  ...s,
  events: s.events.map((e) => {
    if (e.id !== id) return e;
    if (e.skipped) {
      const { skipped: _skipped, ...rest } = e;
      return rest as Ev;
    }
    return { ...e, skipped: true };
  }),
});

export const deleteEvent = (s: Scenario, id: string): Scenario => ({
  ...s,
  events: s.events.filter((e) => e.id !== id),
  // An expectation tied to a deleted event would make the scenario invalid: keep it checked at the end.
  ...(s.expect ? { expect: s.expect.map((x) => (x.after === id ? withoutAfter(x) : x)) } : {}),
});

const withoutAfter = (x: Expectation): Expectation => {
  const { after: _after, ...rest } = x;
  return rest as Expectation;
};

export const freshId = (s: Scenario, prefix = 'h'): string => {
  const used = new Set(s.events.map((e) => e.id));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
};

/**
 * Inserts `ev` next to `afterId` in the file (or before the first event). The editor proposes the
 * neighbour's time, so it replays right after it; a time the analyst typed decides the place instead.
 */
export function insertAfter(s: Scenario, order: readonly string[], afterId: string | null, ev: Ev): Scenario {
  const events = [...s.events];
  if (afterId !== null) {
    const pred = events.findIndex((e) => e.id === afterId);
    if (pred >= 0) {
      events.splice(pred + 1, 0, mark(ev));
      return { ...s, events };
    }
  }
  const firstId = order[0];
  const succ = firstId === undefined ? -1 : events.findIndex((e) => e.id === firstId);
  if (succ < 0) return { ...s, events: [...events, mark(ev)] };
  events.splice(succ, 0, mark(ev));
  return { ...s, events };
}

export const duplicateEvent = (s: Scenario, id: string): Scenario => {
  const src = s.events.find((e) => e.id === id);
  if (!src) return s;
  const { hypothetical: _h, ...rest } = src;
  return insertAfter(s, [], id, { ...rest, id: freshId(s) } as ScenarioEvent);
};

/** Moves an event to position `to` of the replay order (given as the list of event ids). */
export function moveEvent(s: Scenario, order: readonly string[], id: string, to: number): Scenario {
  const from = order.indexOf(id);
  if (from < 0 || to < 0 || to >= order.length || from === to) return s;
  const next = order.filter((x) => x !== id);
  next.splice(to, 0, id);
  const ev = s.events.find((e) => e.id === id)!;
  const rest = s.events.filter((e) => e.id !== id);
  const predId = next[to - 1];
  if (predId !== undefined) {
    const i = rest.findIndex((e) => e.id === predId);
    rest.splice(i + 1, 0, mark({ ...ev, at: rest[i]!.at }));
  } else {
    const i = rest.findIndex((e) => e.id === next[1]);
    rest.splice(i, 0, mark({ ...ev, at: rest[i]!.at }));
  }
  return { ...s, events: rest };
}

/** Events that differ from the baseline (edited, inserted, skipped or moved) and baseline events deleted. */
export function changesFrom(baseline: Scenario, s: Scenario): { changed: Ev[]; deleted: Ev[] } {
  const base = new Map(baseline.events.map((e, i) => [e.id, { e, i }]));
  const ids = new Set(s.events.map((e) => e.id));
  const changed = s.events.filter((e) => {
    const b = base.get(e.id);
    // Untouched events keep their identity; only other objects need a structural comparison.
    return !b || (b.e !== e && JSON.stringify(b.e) !== JSON.stringify(e));
  });
  return { changed, deleted: baseline.events.filter((e) => !ids.has(e.id)) };
}

/** Reverts one event to its baseline version (an inserted one is removed, a deleted one restored). */
export function revertEvent(baseline: Scenario, s: Scenario, id: string): Scenario {
  const bi = baseline.events.findIndex((e) => e.id === id);
  if (bi < 0) return deleteEvent(s, id);
  const original = baseline.events[bi]!;
  const events = s.events.filter((e) => e.id !== id);
  // Put it back before the first baseline event that followed it and is still present.
  const later = new Set(baseline.events.slice(bi + 1).map((e) => e.id));
  const at = events.findIndex((e) => later.has(e.id));
  events.splice(at < 0 ? events.length : at, 0, original);
  return { ...s, events };
}

/** Expectations that pin the state after event `afterId`: every cell of the matrix, sendability, contacts. */
export function expectationsFromState(state: StateView, keywords: readonly { code: string; keyword: string }[], numbers: readonly string[], afterId: string): Expectation[] {
  const out: Expectation[] = [];
  for (const mobileNumber of numbers) {
    for (const { code, keyword } of keywords) {
      const sub = state.subscriptions.find((x) => x.mobileNumber === mobileNumber && x.code === code && x.keyword.toUpperCase() === keyword.toUpperCase());
      out.push({ after: afterId, mobileNumber, code, keyword, status: sub?.status ?? 'None' });
    }
    for (const v of state.verdicts.filter((x) => x.mobileNumber === mobileNumber)) out.push({ after: afterId, mobileNumber, code: v.code, sendable: v.sendable });
    const c = state.contacts.find((x) => x.mobileNumber === mobileNumber);
    if (c) out.push({ after: afterId, mobileNumber, contactStatus: c.status });
  }
  return out;
}

export const addExpectations = (s: Scenario, xs: readonly Expectation[]): Scenario => {
  const have = new Set((s.expect ?? []).map((x) => JSON.stringify(x)));
  const fresh = xs.filter((x) => !have.has(JSON.stringify(x)));
  return fresh.length === 0 ? s : { ...s, expect: [...(s.expect ?? []), ...fresh] };
};

export const blankScenario = (): Scenario => ({
  format: 'opttrace-scenario@1',
  title: 'Untitled scenario',
  description: 'Written by hand in the simulator.',
  codes: [{ code: '12345', type: 'short', country: 'US', keywords: [
    { keyword: 'JOIN', kind: 'opt-in', optIn: 'single' },
    { keyword: 'NEWS', kind: 'outbound' },
    { keyword: 'INFO', kind: 'help' },
  ] }],
  initial: { contacts: [{ mobileNumber: '12345678900', status: 'Active' }] },
  events: [],
});

/** Every mobile number the scenario mentions, in first-seen order. */
export function numbersOf(s: Scenario): string[] {
  const seen = new Set<string>();
  for (const c of s.initial?.contacts ?? []) seen.add(c.mobileNumber);
  for (const x of s.initial?.subscriptions ?? []) seen.add(x.mobileNumber);
  for (const e of s.events) seen.add(e.mobileNumber);
  return [...seen];
}
