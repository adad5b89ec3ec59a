/** What-if edits: pure functions over a scenario; replay order must follow the user's intent. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario, ScenarioEvent } from '../../../shared/model';
import * as edits from '../../../renderer/src/features/simulator/edits';
import { runReplay } from '../../../renderer/src/features/simulator/engine-adapter';

const ev = (id: string, at: string, text = 'JOIN'): ScenarioEvent => ({ id, at, type: 'mo', mobileNumber: '12345678900', code: '12345', text });
const base = (events: ScenarioEvent[]): Scenario => ({ ...edits.blankScenario(), events });
const order = (s: Scenario): string[] => {
  const r = runReplay(s);
  if (!r.ok) throw new Error(r.message);
  return r.replay.steps.map((x) => x.event.id);
};

/** Events with random times (many ties) in random file order. */
const scenarioArb = fc
  .array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 12 })
  .map((hours) => base(hours.map((h, i) => ev(`e${i + 1}`, `2025-04-23T${String(10 + h).padStart(2, '0')}:00:00Z`))));

describe('moveEvent', () => {
  it('puts the event at the requested position of the replay order and keeps the others in order', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.nat(), (s, a, b) => {
        const o = order(s);
        const id = o[a % o.length]!;
        const to = b % o.length;
        const moved = edits.moveEvent(s, o, id, to);
        const after = order(moved);
        expect(after[to]).toBe(id);
        expect(after.filter((x) => x !== id)).toEqual(o.filter((x) => x !== id));
        if (o.indexOf(id) !== to) expect(moved.events.find((e) => e.id === id)!.hypothetical).toBe(true);
      }),
    );
  });
});

describe('insert, duplicate, delete, skip and revert', () => {
  it('inserts right after the current event, marked hypothetical', () => {
    const s = base([ev('a', '2025-04-23T10:00:00Z'), ev('b', '2025-04-23T10:00:00Z'), ev('c', '2025-04-23T12:00:00Z')]);
    const next = edits.insertAfter(s, order(s), 'a', ev('h1', '2025-04-23T10:00:00Z', 'STOP'));
    expect(order(next)).toEqual(['a', 'h1', 'b', 'c']);
    expect(next.events.find((e) => e.id === 'h1')).toMatchObject({ hypothetical: true, at: '2025-04-23T10:00:00Z' });
    const first = edits.insertAfter(s, order(s), null, ev('h2', '2025-04-23T10:00:00Z'));
    expect(order(first)[0]).toBe('h2');
    // A time typed by the analyst decides the place.
    const later = edits.insertAfter(s, order(s), 'a', ev('h3', '2025-04-23T13:00:00Z'));
    expect(order(later)).toEqual(['a', 'b', 'c', 'h3']);
  });

  it('duplicates with a fresh id, skips without removing, deletes and reverts one by one or all', () => {
    const s = base([ev('a', '2025-04-23T10:00:00Z'), ev('b', '2025-04-23T11:00:00Z')]);
    let w = edits.duplicateEvent(s, 'a');
    expect(order(w)).toEqual(['a', 'h1', 'b']);
    w = edits.toggleSkip(w, 'b');
    expect(w.events.find((e) => e.id === 'b')!.skipped).toBe(true);
    expect(order(w)).toContain('b');
    w = edits.deleteEvent(w, 'a');
    const { changed, deleted } = edits.changesFrom(s, w);
    expect(changed.map((e) => e.id).sort()).toEqual(['b', 'h1']);
    expect(deleted.map((e) => e.id)).toEqual(['a']);
    w = edits.revertEvent(s, w, 'a');
    w = edits.revertEvent(s, w, 'b');
    w = edits.revertEvent(s, w, 'h1');
    expect(w.events).toEqual(s.events);
  });

  it('expectations taken from a state hold when replayed, and are not duplicated', () => {
    const s = base([ev('a', '2025-04-23T10:00:00Z'), ev('b', '2025-04-23T11:00:00Z', 'STOP')]);
    const r = runReplay(s);
    if (!r.ok) throw new Error(r.message);
    const kws = s.codes.flatMap((c) => c.keywords.map((k) => ({ code: c.code, keyword: k.keyword })));
    const xs = edits.expectationsFromState(r.replay.final, kws, edits.numbersOf(s), 'b');
    const withX = edits.addExpectations(edits.addExpectations(s, xs), xs);
    expect(withX.expect).toHaveLength(xs.length);
    const again = runReplay(withX);
    expect(again.ok && again.replay.expectations.every((x) => x.pass)).toBe(true);
  });
});
