import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../shared/rules';
import type { Explanation, RulebookView } from '../../../shared/ipc/desk-types';
import { join } from 'node:path';
import { makeBackend, ROOT } from './helpers';

const value = <T>(r: { ok: boolean; value?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value as T;
};

describe('number.explain', () => {
  it('explains per code and keyword with deciding event (UTC and CST), rule, article, evidence and assumptions', async () => {
    const { call } = await makeBackend();
    const x = value<Explanation>(await call('number.explain', { number: '+1 (555) 010-0343' }));
    expect(x.mobileNumber).toBe('15550100343');
    const code = x.codes.find((c) => c.code === '12345')!;
    expect(code.verdict).toBe('blocked-explicit');
    expect(code.sentence).toContain('opted out of JOIN (sms_message_tracking.csv line 91)');
    expect(code.assumptions).toContain('customStopCodeWide');
    const join = code.keywords.find((k) => k.keyword === 'JOIN')!;
    expect(join).toMatchObject({ status: 'OptedOut', ruleId: 'STOP-CUSTOM', assumptions: ['customStopCodeWide'] });
    expect(join.evidence).toContainEqual(expect.objectContaining({ file: 'sms_message_tracking.csv', line: 91 }));
    expect(join.article).toContain('STOP Keywords');
    expect(join.event?.atUtc).toBe('2025-11-10 20:40:48 UTC');
    expect(join.event?.atCst).toBe('2025-11-10 14:40:48 CST');
  });

  it('re-explains with an assumption switched, without touching the workspace rulebook', async () => {
    const { call } = await makeBackend();
    const flipped = value<Explanation>(await call('number.explain', { number: '5550100343', assumptions: { customStopCodeWide: false } }));
    expect(flipped.codes[0]?.verdict).toBe('allowed');
    expect(flipped.rulebookId).toContain('customStopCodeWide=false');
    const again = value<Explanation>(await call('number.explain', { number: '5550100343' }));
    expect(again.codes[0]?.verdict).toBe('blocked-explicit');
  });

  it('calls out discrepancies against the exported current state, and gaps', async () => {
    const { call, dialogs } = await makeBackend();
    dialogs.opens.push([join(ROOT, 'test', 'fixtures', 'contact-builder-disagrees.csv')]);
    const pick = value<{ token: string }>(await call('workspace.pickFiles', {}));
    value(await call('workspace.load', { token: pick.token, files: [] }));
    const x = value<Explanation>(await call('number.explain', { number: '15550100343' }));
    expect(x.discrepancies).toEqual([expect.objectContaining({ keyword: 'JOIN', replayed: 'OptedOut', exported: 'OptedIn', evidence: expect.objectContaining({ file: 'contact-builder-disagrees.csv', line: 2 }) })]);
    const unknown = value<{ rows: { mobileNumber: string }[] }>(await call('contacts.search', { verdict: 'unknown', limit: 1 })).rows[0]!;
    const gap = value<Explanation>(await call('number.explain', { number: unknown.mobileNumber }));
    expect(gap.gaps.length).toBeGreaterThan(0);
  });

  it('is not-found for a number no export mentions, and refuses bad payloads', async () => {
    const { call } = await makeBackend();
    expect(await call('number.explain', { number: '+1 (999) 000-0000' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    for (const payload of [{}, { number: '' }, { number: 'DROP TABLE' }, { number: '5550100343', assumptions: { noSuchThing: true } }, { number: '5550100343', assumptions: { customStopCodeWide: 'yes' } }, { number: '5550100343', extra: 1 }]) {
      expect(await call('number.explain', payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });

  it('number.scenario returns an opttrace-scenario@1 document the engine accepts, with citations', async () => {
    const { call } = await makeBackend();
    const doc = value<unknown>(await call('number.scenario', { number: '5550100343' }));
    const parsed = parseScenario(doc);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.scenario.format).toBe('opttrace-scenario@1');
      expect(parsed.scenario.events.length).toBeGreaterThan(0);
      expect(parsed.scenario.events.every((e) => (e.evidence?.length ?? 0) >= 1)).toBe(true);
    }
  });
});

describe('rulebook', () => {
  it('lists every rule with sources and every assumption with default, current value and conflicts', async () => {
    const { call } = await makeBackend();
    const rb = value<RulebookView>(await call('rulebook.get', {}));
    expect(rb.rules.find((r) => r.id === 'STOP-CODE-WIDE')?.sources.map((s) => s.id)).toContain('KA-000381673');
    expect(rb.assumptions.find((a) => a.name === 'journeyResubscribes')).toMatchObject({ default: false, current: false });
    expect(rb.assumptions.every((a) => a.description && a.conflicts)).toBe(true);
  });

  it('setAssumption applies workspace-wide: verdicts recomputed, workspace dirty; bad values refused', async () => {
    const { call, backend } = await makeBackend();
    const before = value<{ total: number }>(await call('contacts.search', { verdict: 'allowed', limit: 1 })).total;
    const rb = value<RulebookView>(await call('rulebook.setAssumption', { name: 'customStopCodeWide', value: false }));
    expect(rb.assumptions.find((a) => a.name === 'customStopCodeWide')?.current).toBe(false);
    const after = value<{ total: number }>(await call('contacts.search', { verdict: 'allowed', limit: 1 })).total;
    expect(after).toBeGreaterThan(before);
    expect((await backend.summary()).dirty).toBe(true);
    expect(value<Explanation>(await call('number.explain', { number: '5550100343' })).codes[0]?.verdict).toBe('allowed');
    for (const payload of [{ name: 'inactiveBlocksSend', value: 'no' }, { name: 'nope', value: true }, { name: 'doubleOptInWindowHours', value: -5 }, { name: 'inactiveBlocksSend' }]) {
      expect(await call('rulebook.setAssumption', payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });
});
