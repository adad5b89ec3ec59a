import { beforeEach, describe, expect, it } from 'vitest';
import { businessDaysAfter } from '../../../shared/rules';
import { N, N2, flagIds, imp, mo, opted, resetIds, run, send, t } from '../../support/rules-builders';

beforeEach(resetIds);
const DAY = 24 * 60;

describe('REOPTIN-AFTER-STOP', () => {
  it('is raised when an import makes a stopped number sendable again, not on its own new opt-in', () => {
    expect(flagIds(run([mo('STOP'), imp('NEWS', 'Active', t(1))], { subs: [opted('JOIN')] }))).toEqual(['REOPTIN-AFTER-STOP']);
    expect(flagIds(run([mo('STOP'), mo('JOIN', t(1))], { subs: [opted('JOIN')] }))).toEqual([]);
  });
});

describe('NONKEYWORD-OPTOUT', () => {
  it('is raised for opt-out wording that is no keyword', () => {
    const r = run([mo('Please unsubscribe me')], { subs: [opted('JOIN')] });
    expect(r.flags[0]).toMatchObject({ flag: 'NONKEYWORD-OPTOUT', mobileNumber: N, code: '12345', eventId: 'e1' });
    expect(r.flags[0]!.reason).toContain('FCC 24-24');
  });
});

describe('SENT-WHILE-BLOCKED', () => {
  it('is raised for a delivery to a number that was not sendable; not for an undelivered send', () => {
    expect(flagIds(run([mo('STOP'), send(t(1), { delivered: false }), send(t(2))], { subs: [opted('JOIN')] }))).toEqual(['SENT-WHILE-BLOCKED']);
  });
});

describe('PENDING-TREATED-AS-OPTED-IN', () => {
  it('is raised for a delivery to a number that is only pending', () => {
    expect(flagIds(run([mo('DEAL'), send(t(1), { keyword: 'DEAL' })]))).toEqual(['SENT-WHILE-BLOCKED', 'PENDING-TREATED-AS-OPTED-IN']);
  });
});

describe('IMPORT-WITHOUT-CONSENT', () => {
  it('is raised for an import row with consent=false', () => {
    expect(flagIds(run([imp('NEWS', 'Active', t(0), { consent: false }), imp('JOIN', 'Active', t(0), { consent: true })]))).toEqual(['IMPORT-WITHOUT-CONSENT']);
  });
});

describe('OTHER-CODE-STILL-SENDING', () => {
  it('is raised when a STOP leaves the number sendable on another code', () => {
    const r = run([mo('STOP'), mo('STOP', t(1), { n: N2 })], { subs: [opted('JOIN'), opted('ALERTS', 'OptedIn', N, '67890'), opted('JOIN', 'OptedIn', N2)] });
    expect(r.flags.map((f) => [f.flag, f.mobileNumber, f.code])).toEqual([['OTHER-CODE-STILL-SENDING', N, '67890']]);
  });
});

describe('LATE-OPTOUT-HONOURED', () => {
  it('is raised for a send more than 10 business days after a plain-words revocation', () => {
    // 2025-05-01 is a Thursday: 10 business days later is Thursday 2025-05-15.
    expect(new Date(businessDaysAfter(Date.parse('2025-05-01T10:00:00Z'), 10)).toISOString()).toBe('2025-05-15T10:00:00.000Z');
    const r = run([mo('please stop texting me'), send(t(13 * DAY)), send(t(15 * DAY))], { subs: [opted('JOIN')] });
    expect(flagIds(r)).toEqual(['NONKEYWORD-OPTOUT', 'LATE-OPTOUT-HONOURED']);
    expect(r.flags[1]!.eventId).toBe('e3');
  });
  it('is not raised once the revocation was honoured by an opt-out', () => {
    expect(flagIds(run([mo('no more texts'), mo('STOP', t(DAY)), send(t(20 * DAY))], { subs: [opted('JOIN')] }))).toEqual(['NONKEYWORD-OPTOUT', 'SENT-WHILE-BLOCKED']);
  });
});

describe('PENDING-TREATED-AS-OPTED-IN (keyword sends)', () => {
  it('is raised for a delivery naming a pending keyword even when another keyword makes the code sendable', () => {
    resetIds();
    expect(flagIds(run([mo('DEAL'), send(t(1), { keyword: 'DEAL' })], { subs: [opted('JOIN')] }))).toEqual(['PENDING-TREATED-AS-OPTED-IN']);
  });
});

describe('IMPORT-WITHOUT-CONSENT (Unsubscribe rows)', () => {
  it('is not raised for an Unsubscribe row, which cannot opt in', () => {
    resetIds();
    expect(flagIds(run([imp('NEWS', 'Unsubscribe', t(0), { consent: false })]))).toEqual([]);
  });
});
