/** Checks a scenario's `expect` entries against the world at the moment they name. */
import type { Expectation } from '../model';
import type { Assumptions } from './assumptions';
import type { ExpectationResult, RaisedFlag } from './replay-types';
import { effectiveContact, type World } from './state';
import { isSendable } from './verdicts';

export const checkExpectation = (
  index: number, x: Expectation, world: World, flags: readonly RaisedFlag[], a: Assumptions, canon: (s: string) => string,
): ExpectationResult => {
  const when = x.after !== undefined ? `after ${x.after}` : 'at the end';
  const done = (pass: boolean, actual: unknown, what: string, expected: unknown): ExpectationResult => ({
    index, expectation: x, pass, actual,
    message: `${when}: ${what} is ${fmt(actual)}${pass ? '' : ` (expected ${fmt(expected)})`}`,
  });
  if ('flag' in x) {
    const raised = flags.some((f) => f.flag === x.flag && (x.mobileNumber === undefined || f.mobileNumber === x.mobileNumber));
    return done(raised === x.present, raised, `flag ${x.flag}${x.mobileNumber !== undefined ? ` for ${x.mobileNumber}` : ''} raised`, x.present);
  }
  const n = world.get(x.mobileNumber);
  if ('contactStatus' in x) {
    const actual = n ? effectiveContact(n) ?? 'None' : 'None';
    return done(actual === x.contactStatus, actual, `contact ${x.mobileNumber}`, x.contactStatus);
  }
  if ('sendable' in x) {
    const actual = n ? isSendable(a, n, n.codes.get(x.code)) : false;
    return done(actual === x.sendable, actual, `${x.mobileNumber} sendable on ${x.code}`, x.sendable);
  }
  const actual = n?.codes.get(x.code)?.subs.get(canon(x.keyword))?.status ?? 'None';
  return done(actual === x.status, actual, `${x.mobileNumber} ${x.keyword} on ${x.code}`, x.status);
};

const fmt = (v: unknown): string => (typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v));
