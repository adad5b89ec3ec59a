/** Invariants of the engine, checked with fast-check over random histories. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioEvent } from '../../../shared/model';
import { parseScenario, replay, replayState, stateAt } from '../../../shared/rules';
import { N, N2, opted, rulebook, scenario, withoutProse } from '../../support/rules-builders';

const OFFSETS = [-5 * 60, 0, 120];
/** ISO with an explicit offset for `minute` after the base instant (UTC). */
const iso = (minute: number, offset: number): string => {
  const local = new Date(Date.parse('2025-05-01T10:00:00Z') + (minute + offset) * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const h = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  return `${local}${offset < 0 ? '-' : '+'}${h}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
};

const number = fc.constantFrom(N, N2);
const kw = fc.constantFrom('JOIN', 'TEST', 'DEAL', 'SLOW', 'AGE21', 'NEWS', 'ARRET', 'INFO');
const text = fc.oneof(kw, fc.constantFrom('STOP', 'stop', 'opt out', 'END', 'Y', 'YES', '25', '18', 'hello', 'please remove me', 'TERMINATE'));
const body = fc.oneof(
  fc.record({ type: fc.constant('mo' as const), code: fc.constant('12345'), text }),
  fc.record({ type: fc.constant('api.queueMO' as const), code: fc.constant('12345'), text }),
  fc.record({ type: fc.constant('import' as const), code: fc.constant('12345'), keyword: kw, status: fc.constantFrom('Active' as const, 'Unsubscribe' as const, undefined), consent: fc.constantFrom(true, false, undefined) }),
  fc.record({ type: fc.constant('ui' as const), code: fc.constant('12345'), keyword: kw, action: fc.constantFrom('optIn' as const, 'optOut' as const) }),
  fc.record({ type: fc.constant('api.messageContact' as const), code: fc.constant('12345'), keyword: fc.option(kw, { nil: undefined }), subscribe: fc.boolean(), resubscribe: fc.boolean() }),
  fc.record({ type: fc.constantFrom('journey.sms' as const, 'outbound.de' as const), code: fc.constant('12345'), keyword: kw, mode: fc.constantFrom('subscribedOnly' as const, 'subscribeAll' as const) }),
  fc.record({ type: fc.constant('send' as const), code: fc.constantFrom('12345', '67890'), delivered: fc.constantFrom(true, false, undefined) }),
  fc.record({ type: fc.constant('api.contact' as const), status: fc.constantFrom('Active' as const, 'Inactive' as const, undefined) }),
);

const clean = <T extends object>(o: T): T => JSON.parse(JSON.stringify(o)) as T;

/** Events with distinct instants (minute i·7 + jitter), listed in time order. */
const history = fc.array(fc.tuple(number, body, fc.constantFrom(...OFFSETS), fc.integer({ min: 0, max: 6 })), { maxLength: 30 }).map((rows) =>
  rows.map(([n, b, off, jitter], i) => clean({ id: `e${i + 1}`, at: iso(i * 7 + jitter, off), mobileNumber: n, ...b }) as ScenarioEvent));

const settings = fc.record({
  journeyResubscribes: fc.boolean(), importUnsubscribeScope: fc.constantFrom('keyword', 'code'), importKeepsExisting: fc.boolean(),
  reoptInByKeyword: fc.boolean(), customStopCodeWide: fc.boolean(), multiWordStop: fc.boolean(),
});

const SUBS = [opted('JOIN'), opted('TEST', 'OptedOut'), opted('DEAL', 'OptInPending', N2), opted('ALERTS', 'OptedIn', N, '67890')];
const world = (events: readonly ScenarioEvent[]) => {
  const p = parseScenario(clean(scenario(events, { subs: SUBS })));
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.scenario;
};

describe('invariants', () => {
  it('an import never turns OptedOut into OptedIn', () => {
    fc.assert(fc.property(history, settings, (events, a) => {
      const r = replay(rulebook(a), world(events));
      for (const s of r.steps) {
        if (s.event.type !== 'import') continue;
        for (const c of s.changes) expect(c.kind === 'subscription' && c.from === 'OptedOut' && c.to === 'OptedIn').toBe(false);
      }
    }), { numRuns: 300 });
  });

  it('after a STOP no keyword of its code is OptedIn or OptInPending', () => {
    fc.assert(fc.property(history, (events) => {
      const r = replay(rulebook(), world(events));
      r.steps.forEach((s, i) => {
        const e = s.event;
        if ((e.type !== 'mo' && e.type !== 'api.queueMO') || !/^(stop|end|opt out)$/i.test(e.text)) return;
        const after = stateAt(r, i);
        const live = after.subscriptions.filter((x) => x.mobileNumber === e.mobileNumber && x.code === e.code && (x.status === 'OptedIn' || x.status === 'OptInPending'));
        expect(live).toEqual([]);
      });
    }), { numRuns: 200 });
  });

  it('replay is deterministic', () => {
    fc.assert(fc.property(history, settings, (events, a) => {
      const s = world(events);
      expect(JSON.stringify(replay(rulebook(a), s))).toBe(JSON.stringify(replay(rulebook(a), s)));
    }), { numRuns: 100 });
  });

  it('is independent of listing order when times differ', () => {
    fc.assert(fc.property(history.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }))), ([sorted, shuffled]) => {
      const a = replay(rulebook(), world(sorted));
      const b = replay(rulebook(), world(shuffled));
      expect(b.final).toEqual(a.final);
      expect(b.flags).toEqual(a.flags);
      expect(b.steps.map((x) => x.event.id)).toEqual(a.steps.map((x) => x.event.id));
    }), { numRuns: 150 });
  });

  it('replaying a prefix and then the rest equals replaying all', () => {
    fc.assert(fc.property(history, fc.nat(), settings, (events, cut, a) => {
      const k = events.length === 0 ? 0 : cut % (events.length + 1);
      const rb = rulebook(a);
      const all = replay(rb, world(events), { records: 'none' });
      const first = replay(rb, world(events.slice(0, k)), { records: 'none' });
      const rest = replay(rb, world(events.slice(k)), { records: 'none', initialState: replayState(first) });
      expect(rest.final).toEqual(all.final);
      expect([...first.flags, ...rest.flags]).toEqual(all.flags);
    }), { numRuns: 200 });
  });

  it("'none' and 'full' records reach the same final state, flags and expectations", () => {
    fc.assert(fc.property(history, (events) => {
      const s = world(events);
      const full = replay(rulebook(), s);
      const none = replay(rulebook(), s, { records: 'none' });
      expect(none.final).toEqual(withoutProse(full.final));
      expect(none.flags.map((f) => [f.flag, f.eventId])).toEqual(full.flags.map((f) => [f.flag, f.eventId]));
      expect(none.steps).toEqual([]);
    }), { numRuns: 100 });
  });

  it('grouped by number (no mid-replay expectation) and in time order give the same steps, state and flags', () => {
    // An `after` expectation makes replay() take its time-ordered loop; otherwise it runs each
    // number's events together (number-groups.ts). Several numbers, one of them not a plain integer.
    const many = fc.array(fc.tuple(fc.constantFrom(N, N2, '15551230003', '015551230004', '15551230005'), body, fc.constantFrom(...OFFSETS), fc.integer({ min: 0, max: 6 })), { maxLength: 40 })
      .map((rows) => rows.map(([n, b, off, jitter], i) => clean({ id: `e${i + 1}`, at: iso(i * 3 + jitter, off), mobileNumber: n, ...b }) as ScenarioEvent));
    fc.assert(fc.property(many, settings, (events, over) => {
      const s = world(events);
      const last = events.at(-1)?.id;
      const timed = { ...s, expect: last === undefined ? [] : [{ after: last, mobileNumber: N, contactStatus: 'Active' as const }] };
      for (const records of ['full', 'none'] as const) {
        const grouped = replay(rulebook(over), s, { records });
        const inOrder = replay(rulebook(over), timed, { records });
        expect(clean(grouped.steps)).toEqual(clean(inOrder.steps));
        expect(grouped.steps.map((x) => x.index)).toEqual(inOrder.steps.map((x) => x.index));
        expect(grouped.final).toEqual(inOrder.final);
        expect(grouped.flags).toEqual(inOrder.flags);
      }
    }), { numRuns: 200 });
  });

  it('a replay that keeps no world (empty start, no expectations) gives the same views, flags and replayState', () => {
    // Such replays build each number's views when its events are done and rebuild the world only
    // when replayState asks (replay.ts run()). Gaps name numbers with and without events.
    const many = fc.array(fc.tuple(fc.constantFrom(N, N2, '15551230003', '015551230004'), body, fc.integer({ min: 0, max: 6 })), { maxLength: 40 })
      .map((rows) => rows.map(([n, b, jitter], i) => clean({ id: `e${i + 1}`, at: iso(i * 3 + jitter, 0), mobileNumber: n, ...b }) as ScenarioEvent));
    const gap = fc.record({ mobileNumber: fc.constantFrom(N, N2, '15559990000'), code: fc.constantFrom('12345', '67890', undefined), kind: fc.constant('other' as const), reason: fc.constant('a gap') });
    fc.assert(fc.property(many, fc.array(gap, { maxLength: 3 }), settings, (events, gaps, over) => {
      const p = parseScenario(clean({ ...scenario(events), initial: undefined, gaps }));
      if (!p.ok) throw new Error(JSON.stringify(p.issues));
      const kept = { ...p.scenario, expect: [{ flag: 'NO-SUCH-FLAG', present: false }] };
      for (const records of ['full', 'none'] as const) {
        const streamed = replay(rulebook(over), p.scenario, { records });
        const other = replay(rulebook(over), kept, { records });
        expect(streamed.final).toEqual(other.final);
        expect(streamed.flags).toEqual(other.flags);
        expect(replayState(streamed)).toEqual(replayState(other));
      }
    }), { numRuns: 200 });
  });

  it('stateAt the last step equals the final state', () => {
    fc.assert(fc.property(history, (events) => {
      const r = replay(rulebook(), world(events));
      const last = stateAt(r, r.steps.length - 1);
      expect(last.subscriptions.map((s) => [s.mobileNumber, s.code, s.keyword, s.status]).sort()).toEqual(r.final.subscriptions.map((s) => [s.mobileNumber, s.code, s.keyword, s.status]).sort());
      expect(last.verdicts.map((v) => [v.mobileNumber, v.code, v.verdict]).sort()).toEqual(r.final.verdicts.map((v) => [v.mobileNumber, v.code, v.verdict]).sort());
    }), { numRuns: 100 });
  });
});

describe('parseScenario never throws', () => {
  it('on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const r = parseScenario(v);
      expect(typeof r.ok).toBe('boolean');
    }), { numRuns: 500 });
  });
  it('on valid scenarios with one field replaced by random JSON', () => {
    fc.assert(fc.property(history, fc.constantFrom('format', 'title', 'codes', 'initial', 'events', 'expect', 'rulebook', 'gaps'), fc.jsonValue(), fc.nat(), (events, field, v, i) => {
      const doc = clean(scenario(events, { subs: SUBS })) as unknown as Record<string, unknown>;
      if (field === 'events' && events.length > 0) (doc.events as unknown[])[i % events.length] = v;
      else doc[field] = v;
      const r = parseScenario(doc);
      if (!r.ok) for (const issue of r.issues) expect(typeof issue.message).toBe('string');
    }), { numRuns: 500 });
  });
});
