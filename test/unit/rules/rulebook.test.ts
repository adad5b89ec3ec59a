import { describe, expect, it } from 'vitest';
import {
  ASSUMPTION_DEFS, DEFAULT_ASSUMPTIONS, FLAGS, FLAG_IDS, PRESETS, RULES, RULE_IDS, SOURCES, combinedStatus, contactStatusFromId,
  lookupCode, OPT_OUT_METHOD, parseAssumptionArg, resolveRulebook, STATUS_IDS,
} from '../../../shared/rules';

describe('rulebook', () => {
  it('resolves the default preset to frozen defaults with a stable hash', () => {
    const a = resolveRulebook();
    const b = resolveRulebook({ preset: 'mobileconnect-2025', assumptions: {} });
    if (!a.ok || !b.ok) throw new Error('invalid');
    expect(a.rulebook.id).toBe('mobileconnect-2025');
    expect(a.rulebook.assumptions).toEqual(DEFAULT_ASSUMPTIONS);
    expect(Object.isFrozen(a.rulebook)).toBe(true);
    expect(a.rulebook.hash).toBe(b.rulebook.hash);
    expect(a.rulebook.hash).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
  });
  it('names overrides in the id and changes the hash', () => {
    const r = resolveRulebook({ assumptions: { journeyResubscribes: true } }, { doubleOptInWindowHours: 48 });
    if (!r.ok) throw new Error('invalid');
    expect(r.rulebook.id).toBe('mobileconnect-2025+doubleOptInWindowHours=48+journeyResubscribes=true');
    expect(r.rulebook.overridden).toEqual(['doubleOptInWindowHours', 'journeyResubscribes']);
    expect(r.rulebook.hash).not.toBe((resolveRulebook() as { rulebook: { hash: string } }).rulebook.hash);
  });
  it('has a legacy preset with TERMINATE', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['mobileconnect-2025', 'mobileconnect-legacy-stop-words']);
    expect(PRESETS[1]!.assumptions.stopWords).toContain('TERMINATE');
    expect(PRESETS[0]!.assumptions.stopWords).toEqual(['STOP', 'QUIT', 'CANCEL', 'END', 'UNSUBSCRIBE', 'REVOKE', 'OPT OUT']);
  });
  it('parses NAME=VALUE arguments by type', () => {
    expect(parseAssumptionArg('journeyResubscribes=true')).toEqual({ ok: true, name: 'journeyResubscribes', value: true });
    expect(parseAssumptionArg('doubleOptInWindowHours=72')).toEqual({ ok: true, name: 'doubleOptInWindowHours', value: 72 });
    expect(parseAssumptionArg('importUnsubscribeScope=code')).toEqual({ ok: true, name: 'importUnsubscribeScope', value: 'code' });
    expect(parseAssumptionArg('stopWords=STOP, END,OPT OUT')).toEqual({ ok: true, name: 'stopWords', value: ['STOP', 'END', 'OPT OUT'] });
    expect(parseAssumptionArg('journeyResubscribes=yes')).toEqual({ ok: false, message: 'journeyResubscribes: expected true or false, got "yes"' });
    expect(parseAssumptionArg('nope=1')).toMatchObject({ ok: false, message: expect.stringContaining('unknown assumption "nope"') });
    expect(parseAssumptionArg('journeyResubscribes')).toEqual({ ok: false, message: '--assume expects NAME=VALUE, got "journeyResubscribes"' });
  });
  it('documents every assumption with a description and a note', () => {
    for (const d of ASSUMPTION_DEFS) {
      expect(d.description.length).toBeGreaterThan(10);
      expect(d.note.length).toBeGreaterThan(10);
    }
    expect(ASSUMPTION_DEFS.find((d) => d.name === 'journeyResubscribes')!.note).toContain('regardless of status');
  });
});

describe('catalog', () => {
  it('describes every rule and flag and cites known sources', () => {
    for (const id of RULE_IDS) {
      expect(RULES[id].id).toBe(id);
      for (const s of RULES[id].sources) expect(SOURCES[s]).toBeDefined();
    }
    for (const id of FLAG_IDS) expect(FLAGS[id].description.length).toBeGreaterThan(10);
  });
});

describe('code tables', () => {
  it('maps the two MobileConnect status fields to the combined status and back', () => {
    expect(combinedStatus(2, 0)).toEqual({ ok: true, status: 'OptedIn', deleting: false });
    expect(combinedStatus(1, 0)).toEqual({ ok: true, status: 'OptInPending', deleting: false });
    expect(combinedStatus(0, 1)).toEqual({ ok: true, status: 'OptedOut', deleting: false });
    expect(combinedStatus(12, 0)).toEqual({ ok: true, status: 'OptedIn', deleting: true });
    expect(combinedStatus(2, 1)).toMatchObject({ status: 'OptedOut' });
    expect(combinedStatus(7, 0)).toEqual({ ok: false, message: 'unknown OptInStatusID 7 (known: 0, 1, 2, 10, 11, 12)' });
    for (const [status, ids] of Object.entries(STATUS_IDS)) expect(combinedStatus(ids.optIn, ids.optOut)).toMatchObject({ status });
    expect(lookupCode(OPT_OUT_METHOD, 14)?.name).toBe('MobileOriginated');
    expect(contactStatusFromId(2)).toBe('Inactive');
  });
});
