import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../shared/rules';
import type { Explanation, RulebookView } from '../../../shared/ipc/desk-types';
import { makeBackend } from './helpers';

const value = <T>(r: { ok: boolean; value?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value as T;
};

describe('number.explain', () => {
  it('explains per code and keyword with deciding event (UTC and CST), rule, article, evidence and assumptions', async () => {
    const { call } = await makeBackend();
    const x = value<Explanation>(await call('number.explain', { number: '+1 (555) 123-0003' }));
    expect(x.mobileNumber).toBe('15551230003');
    const code = x.codes.find((c) => c.code === '12345')!;
    expect(code.verdict).toBe('blocked-explicit');
    expect(code.sentence).toContain('Inactive');
    expect(code.assumptions).toContain('inactiveBlocksSend');
    const alerts = code.keywords.find((k) => k.keyword === 'ALERTS')!;
    expect(alerts).toMatchObject({ status: 'OptedOut', ruleId: 'IMPORT-UNSUBSCRIBE', evidence: [{ file: 'mobileconnect-import.csv', line: 3 }] });
    expect(alerts.article).toContain('KA 000388781');
    expect(alerts.event?.atUtc).toBe('2025-03-06 15:21:00 UTC');
    expect(alerts.event?.atCst).toBe('2025-03-06 09:21:00 CST');
    expect(x.flags.map((f) => f.flag)).toContain('SENT-WHILE-BLOCKED');
  });

  it('re-explains with an assumption switched, without touching the workspace rulebook', async () => {
    const { call } = await makeBackend();
    const flipped = value<Explanation>(await call('number.explain', { number: '5551230003', assumptions: { inactiveBlocksSend: false } }));
    expect(flipped.codes[0]?.verdict).toBe('allowed');
    expect(flipped.rulebookId).toContain('inactiveBlocksSend=false');
    const again = value<Explanation>(await call('number.explain', { number: '5551230003' }));
    expect(again.codes[0]?.verdict).toBe('blocked-explicit');
  });

  it('calls out discrepancies against the exported current state', async () => {
    const { call } = await makeBackend();
    const x = value<Explanation>(await call('number.explain', { number: '15551230001' }));
    expect(x.discrepancies).toEqual([expect.objectContaining({ keyword: 'JOIN', replayed: 'OptedOut', exported: 'OptedIn', evidence: expect.objectContaining({ file: 'contact-builder-subscriptions.csv' }) })]);
  });

  it('is not-found for a number no export mentions, and refuses bad payloads', async () => {
    const { call } = await makeBackend();
    expect(await call('number.explain', { number: '+1 (999) 000-0000' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    for (const payload of [{}, { number: '' }, { number: 'DROP TABLE' }, { number: '5551230003', assumptions: { noSuchThing: true } }, { number: '5551230003', assumptions: { inactiveBlocksSend: 'yes' } }, { number: '5551230003', extra: 1 }]) {
      expect(await call('number.explain', payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });

  it('number.scenario returns an opttrace-scenario@1 document the engine accepts, with citations', async () => {
    const { call } = await makeBackend();
    const doc = value<unknown>(await call('number.scenario', { number: '5551230005' }));
    const parsed = parseScenario(doc);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.scenario.format).toBe('opttrace-scenario@1');
      expect(parsed.scenario.events.length).toBe(3);
      expect(parsed.scenario.events.every((e) => (e.evidence?.length ?? 0) === 1)).toBe(true);
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
    const rb = value<RulebookView>(await call('rulebook.setAssumption', { name: 'inactiveBlocksSend', value: false }));
    expect(rb.assumptions.find((a) => a.name === 'inactiveBlocksSend')?.current).toBe(false);
    const after = value<{ total: number }>(await call('contacts.search', { verdict: 'allowed', limit: 1 })).total;
    expect(after).toBeGreaterThan(before);
    expect(backend.summary().dirty).toBe(true);
    expect(value<Explanation>(await call('number.explain', { number: '5551230003' })).codes[0]?.verdict).toBe('allowed');
    for (const payload of [{ name: 'inactiveBlocksSend', value: 'no' }, { name: 'nope', value: true }, { name: 'doubleOptInWindowHours', value: -5 }, { name: 'inactiveBlocksSend' }]) {
      expect(await call('rulebook.setAssumption', payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });
});
