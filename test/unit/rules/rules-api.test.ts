import { beforeEach, describe, expect, it } from 'vitest';
import { parseScenario, replay } from '../../../shared/rules';
import { N, N2, decisions, flagIds, journey, mo, msg, opted, outbound, resetIds, rulebook, ruleIds, run, scenario, send, status, t, verdict } from '../../support/rules-builders';

beforeEach(resetIds);

describe('API-SUBSCRIBE', () => {
  it('creates the subscription OptedIn when there is none, then sends', () => {
    const r = run([msg('NEWS', true, false)]);
    expect(status(r, 'NEWS')).toBe('OptedIn');
    expect(decisions(r).find((d) => d.ruleId === 'SEND-CHECK')).toMatchObject({ sendable: true, sent: true });
  });
  it('leaves OptedOut opted out without resubscribe, and skips the send', () => {
    const r = run([msg('JOIN', true, false)], { subs: [opted('JOIN', 'OptedOut')] });
    expect(status(r, 'JOIN')).toBe('OptedOut');
    expect(decisions(r).find((d) => d.ruleId === 'SEND-CHECK')).toMatchObject({ sent: false });
  });
});

describe('API-RESUBSCRIBE', () => {
  it('turns OptedOut into OptedIn and raises REOPTIN-AFTER-STOP', () => {
    const r = run([msg('JOIN', false, true)], { subs: [opted('JOIN', 'OptedOut')] });
    expect(status(r, 'JOIN')).toBe('OptedIn');
    expect(flagIds(r)).toEqual(['REOPTIN-AFTER-STOP']);
  });
});

describe('API-KEYWORD-REQUIRED', () => {
  it('rejects subscribe without a keyword or with a keyword of another code; nothing changes', () => {
    const r = run([msg(undefined, true, false), msg('ALERTS', false, true, t(1))]);
    expect(ruleIds(r)).toEqual(['API-KEYWORD-REQUIRED', 'API-KEYWORD-REQUIRED']);
    expect(r.final.subscriptions).toEqual([]);
  });
  it('a send without subscribe needs no keyword', () => {
    const r = run([msg(undefined, false, false)], { subs: [opted('JOIN')] });
    expect(ruleIds(r)).toEqual(['SEND-CHECK']);
  });
});

describe('JOURNEY-CREATE-ONLY', () => {
  it('subscribeAll creates a missing subscription but never re-opts in (journeyResubscribes=false)', () => {
    const r = run([journey('JOIN', 'subscribeAll'), journey('JOIN', 'subscribeAll', t(0), N2)], { subs: [opted('JOIN', 'OptedOut')] });
    expect(status(r, 'JOIN')).toBe('OptedOut');
    expect(status(r, 'JOIN', N2)).toBe('OptedIn');
    expect(decisions(r)[0]!.assumptions).toEqual(['journeyResubscribes']);
    expect(decisions(r).find((d) => d.mobileNumber === N2 && d.ruleId === 'JOURNEY-CREATE-ONLY')!.assumptions).toEqual([]);
  });
  it('re-opts in when journeyResubscribes=true, with REOPTIN-AFTER-STOP', () => {
    const r = run([journey('JOIN', 'subscribeAll')], { subs: [opted('JOIN', 'OptedOut')], assume: { journeyResubscribes: true } });
    expect(status(r, 'JOIN')).toBe('OptedIn');
    expect(flagIds(r)).toEqual(['REOPTIN-AFTER-STOP']);
  });
  it('subscribedOnly changes nothing and skips numbers that are not sendable', () => {
    const r = run([journey('JOIN', 'subscribedOnly')]);
    expect(r.final.subscriptions).toEqual([]);
    expect(decisions(r).find((d) => d.ruleId === 'SEND-CHECK')).toMatchObject({ sendable: false, sent: false });
    expect(flagIds(r)).toEqual([]);
  });
});

describe('OUTBOUND-DE', () => {
  it('subscribeAll creates like a Journey; outboundResubscribes switches re-opt-in', () => {
    expect(status(run([outbound('NEWS', 'subscribeAll')]), 'NEWS')).toBe('OptedIn');
    expect(status(run([outbound('NEWS', 'subscribeAll')], { subs: [opted('NEWS', 'OptedOut')] }), 'NEWS')).toBe('OptedOut');
    expect(status(run([outbound('NEWS', 'subscribeAll')], { subs: [opted('NEWS', 'OptedOut')], assume: { outboundResubscribes: true } }), 'NEWS')).toBe('OptedIn');
  });
});

describe('SEND-CHECK', () => {
  it('records whether the number was sendable at that moment, and why', () => {
    const r = run([send(t(0)), mo('STOP', t(1)), send(t(2))], { subs: [opted('JOIN')] });
    const checks = decisions(r).filter((d) => d.ruleId === 'SEND-CHECK');
    expect(checks.map((c) => c.sendable)).toEqual([true, false]);
    expect(checks[1]!.reason).toContain('opted out of JOIN');
  });
});

describe('SENDABILITY (verdicts)', () => {
  it('gives allowed / blocked-explicit / blocked-implicit with deciding events and rule ids', () => {
    const r = run([mo('JOIN', t(0), { n: N }), mo('STOP', t(1), { n: N2 }), mo('DEAL', t(2), { n: '15551230003' })], { subs: [opted('JOIN', 'OptedIn', N2)] });
    expect(verdict(r)).toMatchObject({ verdict: 'allowed', eventIds: ['e1'], ruleIds: ['SENDABILITY', 'TEMPLATE-SINGLE'] });
    expect(verdict(r, N2)).toMatchObject({ verdict: 'blocked-explicit', eventIds: ['e2'], ruleIds: ['SENDABILITY', 'STOP-CODE-WIDE'] });
    expect(verdict(r, '15551230003')).toMatchObject({ verdict: 'blocked-implicit' });
    expect(verdict(r, '15551230003')!.reason).toContain('only opt-in pending');
  });
});

describe('EVIDENCE-GAP', () => {
  it('a gap makes the affected verdict unknown, citing its reason', () => {
    const parsed = parseScenario(JSON.parse(JSON.stringify({ ...scenario([mo('JOIN')]), gaps: [{ mobileNumber: N, code: '12345', kind: 'unmapped-keyword', reason: 'keyword GUID 9F2 is not mapped' }, { mobileNumber: N2, kind: 'log-gap', reason: 'no log' }] })));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const r = replay(rulebook(), parsed.scenario);
    expect(verdict(r)).toMatchObject({ verdict: 'unknown', sendable: true });
    expect(verdict(r)!.reason).toContain('keyword GUID 9F2 is not mapped');
    expect(verdict(r)!.ruleIds).toContain('EVIDENCE-GAP');
  });

  it('a gap about a number the history never mentions still gives it an unknown verdict on the gap\'s code', () => {
    const parsed = parseScenario(JSON.parse(JSON.stringify({ ...scenario([mo('JOIN')]), gaps: [{ mobileNumber: N2, code: '67890', kind: 'log-gap', reason: 'only the first opt-in was logged' }] })));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    for (const records of ['full', 'none'] as const) {
      const r = replay(rulebook(), parsed.scenario, { records });
      expect(r.final.verdicts.map((v) => [v.mobileNumber, v.code, v.verdict])).toEqual([[N, '12345', 'allowed'], [N2, '67890', 'unknown']]);
    }
  });
});

describe('EVENT-SKIPPED', () => {
  it('a skipped event is a step but is not applied', () => {
    const r = run([{ ...mo('STOP'), skipped: true }], { subs: [opted('JOIN')] });
    expect(r.steps).toHaveLength(1);
    expect(r.steps[0]!.skipped).toBe(true);
    expect(ruleIds(r)).toEqual(['EVENT-SKIPPED']);
    expect(status(r, 'JOIN')).toBe('OptedIn');
  });
});
