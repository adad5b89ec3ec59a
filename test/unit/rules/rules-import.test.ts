import { beforeEach, describe, expect, it } from 'vitest';
import { N, contact, decisions, flagIds, imp, mo, opted, resetIds, ruleIds, run, status, t, ui, verdict } from '../../support/rules-builders';

beforeEach(resetIds);

describe('IMPORT-UNSUBSCRIBE', () => {
  it('opts out the imported keyword only (creating it) and makes the contact Inactive', () => {
    const r = run([imp('NEWS', 'Unsubscribe')], { subs: [opted('JOIN')] });
    expect(status(r, 'NEWS')).toBe('OptedOut');
    expect(status(r, 'JOIN')).toBe('OptedIn');
    expect(r.final.contacts[0]!.status).toBe('Inactive');
    expect(verdict(r)!.verdict).toBe('blocked-explicit');
    expect(verdict(r)!.assumptions).toContain('inactiveBlocksSend');
  });
  it('opts out every keyword of the code when importUnsubscribeScope=code', () => {
    const r = run([imp('NEWS', 'Unsubscribe')], { subs: [opted('JOIN')], assume: { importUnsubscribeScope: 'code' } });
    expect(status(r, 'JOIN')).toBe('OptedOut');
  });
});

describe('IMPORT-NEW-KEYWORD', () => {
  it('creates a never-subscribed keyword OptedIn, even after a STOP on the code (flag)', () => {
    const r = run([mo('STOP'), imp('NEWS', 'Active', t(1))], { subs: [opted('JOIN')] });
    expect(status(r, 'NEWS')).toBe('OptedIn');
    expect(verdict(r)!.verdict).toBe('allowed');
    expect(flagIds(r)).toEqual(['REOPTIN-AFTER-STOP']);
  });
  it('an import without status creates an Active contact implicitly', () => {
    const r = run([imp('NEWS')]);
    expect(status(r, 'NEWS')).toBe('OptedIn');
    expect(r.final.contacts).toEqual([{ mobileNumber: N, status: 'Active', ruleId: 'INITIAL-STATE' }]);
  });
});

describe('IMPORT-NO-REOPTIN', () => {
  it('never turns OptedOut into OptedIn', () => {
    const r = run([imp('JOIN', 'Active')], { subs: [opted('JOIN', 'OptedOut')] });
    expect(status(r, 'JOIN')).toBe('OptedOut');
    expect(decisions(r).find((d) => d.ruleId === 'IMPORT-NO-REOPTIN')!.reason).toContain('still opted out');
  });
  it('leaves OptInPending unchanged (importKeepsExisting=true) or opts in when false', () => {
    expect(status(run([imp('DEAL')], { subs: [opted('DEAL', 'OptInPending')] }), 'DEAL')).toBe('OptInPending');
    expect(status(run([imp('DEAL')], { subs: [opted('DEAL', 'OptInPending')], assume: { importKeepsExisting: false } }), 'DEAL')).toBe('OptedIn');
  });
});

describe('IMPORT-ACTIVE', () => {
  it('sets the contact Active but keeps an OptedOut subscription', () => {
    const r = run([imp('NEWS', 'Unsubscribe'), imp('NEWS', 'Active', t(1))]);
    expect(status(r, 'NEWS')).toBe('OptedOut');
    expect(r.final.contacts[0]!.status).toBe('Active');
    expect(ruleIds(r)).toContain('IMPORT-ACTIVE');
  });
});

describe('UI-OPT-OUT', () => {
  it('sets the keyword OptedOut', () => {
    const r = run([ui('JOIN', 'optOut')], { subs: [opted('JOIN')] });
    expect(status(r, 'JOIN')).toBe('OptedOut');
    expect(ruleIds(r)).toEqual(['UI-OPT-OUT']);
  });
});

describe('UI-OPT-IN', () => {
  it('sets OptedIn from any state; flags reversing a subscriber STOP', () => {
    const r = run([mo('STOP'), ui('JOIN', 'optIn', t(1))], { subs: [opted('JOIN')] });
    expect(status(r, 'JOIN')).toBe('OptedIn');
    expect(flagIds(r)).toEqual(['REOPTIN-AFTER-STOP']);
    resetIds();
    const r2 = run([ui('JOIN', 'optOut'), ui('JOIN', 'optIn', t(1))], { subs: [opted('JOIN')] });
    expect(flagIds(r2)).toEqual([]);
  });
});

describe('API-CONTACT', () => {
  it('sets the Demographics status and undeliverable hold without touching subscriptions', () => {
    const r = run([contact('Inactive'), contact(undefined, t(1), { undeliverable: true })], { subs: [opted('JOIN')] });
    expect(status(r, 'JOIN')).toBe('OptedIn');
    expect(r.final.contacts[0]).toMatchObject({ status: 'Inactive', undeliverable: true });
    expect(verdict(r)!.verdict).toBe('blocked-explicit');
  });
  it('an Inactive contact does not block when inactiveBlocksSend=false', () => {
    expect(verdict(run([contact('Inactive')], { subs: [opted('JOIN')], assume: { inactiveBlocksSend: false } }))!.verdict).toBe('allowed');
  });
  it('an undeliverable number does not block when undeliverableBlocksSend=false', () => {
    const ev = [contact('Active', t(0), { undeliverable: true })];
    expect(verdict(run(ev, { subs: [opted('JOIN')] }))!.sendable).toBe(false);
    resetIds();
    expect(verdict(run(ev, { subs: [opted('JOIN')], assume: { undeliverableBlocksSend: false } }))!.sendable).toBe(true);
  });
});

describe('INITIAL-STATE', () => {
  it('statuses from the starting state name INITIAL-STATE and no event; a number with a subscription is an Active contact', () => {
    const r = run([], { subs: [opted('JOIN')] });
    expect(r.final.subscriptions).toEqual([{ mobileNumber: N, code: '12345', keyword: 'JOIN', status: 'OptedIn', ruleId: 'INITIAL-STATE' }]);
    expect(r.final.contacts).toEqual([{ mobileNumber: N, status: 'Active', ruleId: 'INITIAL-STATE' }]);
    expect(verdict(r)!.reason).toBe('Sendable on 12345: opted in to JOIN (starting state) and the contact is Active.');
  });
});
