/** 'full' replays keep their records compactly and build a step's decisions when it is read (shared/rules/step-log.ts). */
import { beforeEach, describe, expect, it } from 'vitest';
import { plainReplay, plainStep } from '../../../shared/rules';
import { imp, mo, N2, opted, queueMo, resetIds, run, send, t, ui } from '../../support/rules-builders';

beforeEach(resetIds);

// Every kind of decision the log stores: event (MO-FIRST-WORD), event-why (API-OPT-OUT), subscription,
// contact (IMPORT-*), send (SEND-CHECK with and without a sendable verdict), plus flags and changes,
// for two numbers so a grouped replay files steps out of listing order.
const history = () => run([
  mo('JOIN', t(0)), mo('JOIN', t(1), { n: N2 }), send(t(2)), queueMo('STOP', t(3)), imp('TEST', 'Active', t(4)),
  send(t(5), { delivered: true }), ui('JOIN', 'optIn', t(6)), mo('STOP', t(7), { n: N2 }), mo('DEAL', t(8)), mo('YES', t(9)),
], { subs: [opted('TEST', 'OptedIn', N2)] });

describe('step log', () => {
  it('reads every step as the plain record its JSON is, with decisions of each kind', () => {
    const r = history();
    const kinds = new Set(r.steps.flatMap((s) => s.decisions.map((d) => `${d.target}:${d.ruleId}`)));
    expect([...kinds]).toEqual(expect.arrayContaining(['event:MO-FIRST-WORD', 'event:API-OPT-OUT', 'subscription:TEMPLATE-SINGLE', 'contact:IMPORT-ACTIVE', 'event:SEND-CHECK']));
    expect(r.steps.some((s) => s.flags.length > 0)).toBe(true);
    for (const s of r.steps) {
      expect(JSON.parse(JSON.stringify(s))).toEqual(JSON.parse(JSON.stringify(plainStep(s))));
      for (const d of s.decisions) {
        expect(d.eventId).toBe(s.event.id);
        expect(d.mobileNumber).toBe(s.event.mobileNumber);
        expect(d.reason).toMatch(new RegExp(`\\(${d.ruleId}[,)]`));
      }
      expect(s.atMs).toBe(Date.parse(s.event.at));
    }
  });

  it('builds decisions anew on each read, equal each time', () => {
    const s = history().steps[0]!;
    expect(s.decisions).not.toBe(s.decisions);
    expect(s.decisions).toEqual(s.decisions);
  });

  it('plainReplay survives structured clone (IPC); the replay itself keeps only index and event there', () => {
    const r = history();
    const json = JSON.parse(JSON.stringify(r)) as unknown;
    expect(JSON.parse(JSON.stringify(structuredClone(plainReplay(r))))).toEqual(json);
    expect(Object.keys(structuredClone(r.steps[0]!))).toEqual(['index', 'event']);
  });

  it('a replay without steps is its own plain form', () => {
    const r = run([]);
    expect(plainReplay(r)).toBe(r);
  });
});
