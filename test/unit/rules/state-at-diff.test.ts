import { beforeEach, describe, expect, it } from 'vitest';
import { diffReplays, replay, stateAt } from '../../../shared/rules';
import { N, imp, journey, mo, opted, resetIds, rulebook, run, scenario, t } from '../../support/rules-builders';

beforeEach(resetIds);

describe('stateAt', () => {
  it('rebuilds the state before and after each step from the change lists', () => {
    const r = run([mo('JOIN'), mo('STOP', t(1)), imp('NEWS', 'Active', t(2))]);
    expect(stateAt(r, -1).subscriptions).toEqual([]);
    expect(stateAt(r, 0).subscriptions.map((s) => [s.keyword, s.status])).toEqual([['JOIN', 'OptedIn']]);
    expect(stateAt(r, 1).verdicts[0]).toMatchObject({ verdict: 'blocked-explicit', eventIds: ['e2'] });
    expect(stateAt(r, 2).verdicts[0]).toMatchObject({ verdict: 'allowed', eventIds: ['e3'] });
  });
  it("needs records 'full'", () => {
    const r = replay(rulebook(), scenario([mo('JOIN')]), { records: 'none' });
    expect(() => stateAt(r, 0)).toThrow(/records "full"/);
  });
});

describe('diffReplays', () => {
  it('shows only what differs and the first step where the runs diverge', () => {
    const s = scenario([mo('JOIN', t(0), { n: '15551230009' }), journey('JOIN', 'subscribeAll', t(1))], { subs: [opted('JOIN', 'OptedOut')] });
    const a = replay(rulebook(), s);
    const b = replay(rulebook({ journeyResubscribes: true }), s);
    const d = diffReplays(a, b);
    expect(d.same).toBe(false);
    expect(d.subscriptions).toEqual([{ mobileNumber: N, code: '12345', keyword: 'JOIN', a: 'OptedOut', b: 'OptedIn' }]);
    expect(d.verdicts.map((v) => [v.mobileNumber, v.a?.verdict, v.b?.verdict])).toEqual([[N, 'blocked-explicit', 'allowed']]);
    expect(d.firstDivergence).toMatchObject({ stepIndex: 1, eventId: 'e2' });
    expect(diffReplays(a, a).same).toBe(true);
  });
});
