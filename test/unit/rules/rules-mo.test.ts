import { beforeEach, describe, expect, it } from 'vitest';
import { N, N2, flagIds, mo, opted, queueMo, resetIds, ruleIds, run, status, t, verdict, decisions } from '../../support/rules-builders';

beforeEach(resetIds);

describe('MO-FIRST-WORD', () => {
  it('reads the keyword as the first word, case-insensitive, ignoring surrounding spaces', () => {
    const r = run([mo('  join now please ')]);
    expect(status(r, 'JOIN')).toBe('OptedIn');
    const d = decisions(r).find((x) => x.ruleId === 'MO-FIRST-WORD')!;
    expect(d.assumptions).toEqual(['keywordCaseInsensitive']);
    expect(d.reason).toContain('Keyword "join"');
  });
  it('is case-sensitive when keywordCaseInsensitive=false', () => {
    const r = run([mo('join')], { assume: { keywordCaseInsensitive: false } });
    expect(status(r, 'JOIN')).toBe('None');
    expect(ruleIds(r)).toContain('UNKNOWN-KEYWORD');
  });
  it('matches multi-word STOP phrases at the start when multiWordStop=true, not otherwise', () => {
    expect(status(run([mo('Opt   Out')], { subs: [opted('JOIN')] }), 'JOIN')).toBe('OptedOut');
    resetIds();
    expect(status(run([mo('opt out')], { subs: [opted('JOIN')], assume: { multiWordStop: false } }), 'JOIN')).toBe('OptedIn');
    resetIds();
    expect(status(run([mo('optout')], { subs: [opted('JOIN')] }), 'JOIN')).toBe('OptedIn');
  });
});

describe('STOP-CODE-WIDE', () => {
  it('opts out of every keyword on the code, whatever its status, and of no other code', () => {
    const r = run([mo('stop')], { subs: [opted('JOIN'), opted('DEAL', 'OptInPending'), opted('TEST', 'NotOptedIn'), opted('ALERTS', 'OptedIn', N, '67890')] });
    expect([status(r, 'JOIN'), status(r, 'DEAL'), status(r, 'TEST')]).toEqual(['OptedOut', 'OptedOut', 'OptedOut']);
    expect(status(r, 'ALERTS', N, '67890')).toBe('OptedIn');
    const d = decisions(r).filter((x) => x.ruleId === 'STOP-CODE-WIDE');
    expect(d).toHaveLength(3);
    expect(d[0]!.reason).toMatch(/^Opted out of JOIN on 12345: the subscriber texted "stop" .* \(STOP-CODE-WIDE, Salesforce KA 000381673/);
  });
  it('records a STOP from a number with no subscriptions without changing anything', () => {
    const r = run([mo('QUIT', t(0), { n: N2 })]);
    expect(r.final.subscriptions).toEqual([]);
    expect(decisions(r).find((x) => x.ruleId === 'STOP-CODE-WIDE')!.changed).toBe(false);
    expect(verdict(r, N2)!.verdict).toBe('blocked-implicit');
  });
  it('uses the rulebook stop words: REVOKE in the 2025 list, TERMINATE only in the legacy list', () => {
    expect(status(run([mo('REVOKE')], { subs: [opted('JOIN')] }), 'JOIN')).toBe('OptedOut');
    expect(status(run([mo('TERMINATE')], { subs: [opted('JOIN')] }), 'JOIN')).toBe('OptedIn');
    expect(status(run([mo('TERMINATE')], { subs: [opted('JOIN')], preset: 'mobileconnect-legacy-stop-words' }), 'JOIN')).toBe('OptedOut');
    expect(status(run([mo('REVOKE')], { subs: [opted('JOIN')], preset: 'mobileconnect-legacy-stop-words' }), 'JOIN')).toBe('OptedIn');
  });
});

describe('STOP-CUSTOM', () => {
  it('a custom STOP keyword opts out of the whole code (customStopCodeWide=true)', () => {
    const r = run([mo('arret')], { subs: [opted('JOIN'), opted('NEWS')] });
    expect([status(r, 'JOIN'), status(r, 'NEWS')]).toEqual(['OptedOut', 'OptedOut']);
    expect(decisions(r).find((x) => x.ruleId === 'STOP-CUSTOM')!.assumptions).toEqual(['customStopCodeWide']);
  });
  it('changes nothing but raises NONKEYWORD-OPTOUT when customStopCodeWide=false', () => {
    const r = run([mo('ARRET')], { subs: [opted('JOIN')], assume: { customStopCodeWide: false } });
    expect(status(r, 'JOIN')).toBe('OptedIn');
    expect(flagIds(r)).toEqual(['NONKEYWORD-OPTOUT']);
  });
});

describe('API-OPT-OUT', () => {
  it('a STOP through queueMO opts out like a handset STOP (then STOP-CODE-WIDE)', () => {
    const r = run([queueMo('STOP')], { subs: [opted('JOIN'), opted('TEST')] });
    expect(ruleIds(r)).toEqual(['MO-FIRST-WORD', 'API-OPT-OUT', 'STOP-CODE-WIDE', 'STOP-CODE-WIDE']);
    expect(status(r, 'TEST')).toBe('OptedOut');
  });
});

describe('TEMPLATE-SINGLE', () => {
  it('texting a single opt-in keyword opts in', () => {
    const r = run([mo('JOIN')]);
    expect(status(r, 'JOIN')).toBe('OptedIn');
    expect(verdict(r)!.verdict).toBe('allowed');
    expect(ruleIds(r)).toContain('TEMPLATE-SINGLE');
  });
});

describe('TEMPLATE-DOUBLE-START', () => {
  it('sets OptInPending and opens the window; pending is not sendable', () => {
    const r = run([mo('DEAL')]);
    expect(status(r, 'DEAL')).toBe('OptInPending');
    expect(verdict(r)!.verdict).toBe('blocked-implicit');
    expect(decisions(r).find((x) => x.ruleId === 'TEMPLATE-DOUBLE-START')!.reason).toContain('until 2025-05-02 10:00 UTC (24 h)');
  });
});

describe('TEMPLATE-DOUBLE-CONFIRM', () => {
  it('a valid response within the window opts in', () => {
    expect(status(run([mo('DEAL'), mo('y', t(60))]), 'DEAL')).toBe('OptedIn');
  });
  it('an invalid response is an unknown keyword', () => {
    const r = run([mo('DEAL'), mo('maybe', t(1))]);
    expect(status(r, 'DEAL')).toBe('OptInPending');
    expect(ruleIds(r)).toContain('UNKNOWN-KEYWORD');
  });
});

describe('TEMPLATE-DOUBLE-EXPIRED', () => {
  it('a late reply does nothing; the rulebook window applies when the keyword sets none', () => {
    const r = run([mo('SLOW'), mo('YES', t(25 * 60))]);
    expect(status(r, 'SLOW')).toBe('OptInPending');
    const d = decisions(r).find((x) => x.ruleId === 'TEMPLATE-DOUBLE-EXPIRED')!;
    expect(d.assumptions).toEqual(['doubleOptInWindowHours']);
    expect(status(run([mo('SLOW'), mo('YES', t(25 * 60))], { assume: { doubleOptInWindowHours: 48 } }), 'SLOW')).toBe('OptedIn');
  });
});

describe('TEMPLATE-AGE', () => {
  it('an age at or above the minimum opts in', () => {
    expect(status(run([mo('AGE21'), mo('21', t(1))]), 'AGE21')).toBe('OptedIn');
  });
  it('a lower age leaves it NotOptedIn', () => {
    const r = run([mo('AGE21'), mo('20', t(1))]);
    expect(status(r, 'AGE21')).toBe('NotOptedIn');
    expect(ruleIds(r).filter((x) => x === 'TEMPLATE-AGE')).toHaveLength(2);
  });
});

describe('TEMPLATE-AFTER-STOP', () => {
  it('texting the keyword after opting out restarts the opt-in (reoptInByKeyword=true), no flag', () => {
    const r = run([mo('JOIN'), mo('STOP', t(1)), mo('JOIN', t(2))]);
    expect(status(r, 'JOIN')).toBe('OptedIn');
    expect(ruleIds(r)).toContain('TEMPLATE-AFTER-STOP');
    expect(flagIds(r)).toEqual([]);
  });
  it('restarts a double opt-in as pending', () => {
    expect(status(run([mo('DEAL', t(0)), mo('YES', t(1)), mo('STOP', t(2)), mo('DEAL', t(3))]), 'DEAL')).toBe('OptInPending');
  });
  it('stays OptedOut when reoptInByKeyword=false', () => {
    expect(status(run([mo('JOIN'), mo('STOP', t(1)), mo('JOIN', t(2))], { assume: { reoptInByKeyword: false } }), 'JOIN')).toBe('OptedOut');
  });
});

describe('TEMPLATE-DUPLICATE', () => {
  it('texting the keyword of an OptedIn subscription changes nothing', () => {
    const r = run([mo('JOIN')], { subs: [opted('JOIN')] });
    const d = decisions(r).find((x) => x.ruleId === 'TEMPLATE-DUPLICATE')!;
    expect(d.changed).toBe(false);
    expect(r.steps[0]!.changes).toEqual([]);
  });
});

describe('HELP', () => {
  it('a HELP keyword changes nothing', () => {
    const r = run([mo('info')], { subs: [opted('JOIN')] });
    expect(ruleIds(r)).toEqual(['MO-FIRST-WORD', 'HELP']);
    expect(r.steps[0]!.changes).toEqual([]);
  });
});

describe('UNKNOWN-KEYWORD', () => {
  it('changes nothing; opt-out wording raises NONKEYWORD-OPTOUT', () => {
    const r = run([mo('hello'), mo('please remove me', t(1))], { subs: [opted('JOIN')] });
    expect(ruleIds(r).filter((x) => x === 'UNKNOWN-KEYWORD')).toHaveLength(2);
    expect(status(r, 'JOIN')).toBe('OptedIn');
    expect(r.flags.map((f) => [f.flag, f.eventId])).toEqual([['NONKEYWORD-OPTOUT', 'e2']]);
  });
  it('an outbound keyword texted by the subscriber is not an opt-in', () => {
    expect(status(run([mo('NEWS')]), 'NEWS')).toBe('None');
  });
});
