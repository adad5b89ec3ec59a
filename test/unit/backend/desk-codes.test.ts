import { describe, expect, it } from 'vitest';
import { STATUS_CODES, statusCode, statusLabel, VERDICT_CODES, verdictCode, verdictLabel } from '../../../electron/backend/db/desk-codes';
import { SUBSCRIPTION_STATUSES, VERDICTS } from '../../../shared/model';

const byCode = (codes: Record<string, number>): string[] => Object.keys(codes).sort((a, b) => codes[a]! - codes[b]!);
const byText = (labels: readonly string[]): string[] => [...labels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe('verdict table codes', () => {
  it('give every label a distinct code, in the labels\' text order (so sorting by code sorts as text did)', () => {
    expect(byCode(STATUS_CODES)).toEqual(byText(SUBSCRIPTION_STATUSES));
    expect(byCode(VERDICT_CODES)).toEqual(byText(VERDICTS));
    expect(new Set(Object.values(STATUS_CODES)).size).toBe(SUBSCRIPTION_STATUSES.length);
    expect(new Set(Object.values(VERDICT_CODES)).size).toBe(VERDICTS.length);
  });

  it('round-trip, and refuse what they do not know', () => {
    for (const s of SUBSCRIPTION_STATUSES) expect(statusLabel(statusCode(s))).toBe(s);
    for (const v of VERDICTS) expect(verdictLabel(verdictCode(v))).toBe(v);
    expect(() => statusCode('Subscribed')).toThrow(/no code for status 'Subscribed'/);
    expect(() => verdictLabel(9)).toThrow(/unknown verdict code 9/);
    expect(() => statusLabel('OptedIn')).toThrow(/unknown status code/);
  });
});
