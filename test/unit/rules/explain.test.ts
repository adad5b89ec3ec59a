import { beforeEach, describe, expect, it } from 'vitest';
import { explainNumber } from '../../../shared/rules';
import { N, imp, mo, opted, resetIds, run, t } from '../../support/rules-builders';

beforeEach(resetIds);

describe('explainNumber', () => {
  it('gives per code the verdict and per keyword the status, event, rule, sources and reason', () => {
    const r = run([mo('STOP'), imp('NEWS', 'Active', t(1))], { subs: [opted('JOIN')] });
    const x = explainNumber(r, N);
    expect(x.contactStatus).toBe('Active');
    expect(x.codes).toHaveLength(1);
    expect(x.codes[0]!.verdict.verdict).toBe('allowed');
    const [join, news] = x.codes[0]!.keywords;
    expect(join).toMatchObject({ keyword: 'JOIN', status: 'OptedOut', eventId: 'e1', ruleId: 'STOP-CODE-WIDE', ruleTitle: 'STOP opts out of the whole code' });
    expect(join!.sources[0]!.cite).toBe('Salesforce KA 000381673');
    expect(join!.reason).toMatch(/^Opted out of JOIN on 12345/);
    expect(news).toMatchObject({ keyword: 'NEWS', status: 'OptedIn', ruleId: 'IMPORT-NEW-KEYWORD' });
  });
});
