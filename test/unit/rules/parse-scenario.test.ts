import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../shared/rules';

const base = () => ({
  format: 'opttrace-scenario@1',
  title: 't',
  codes: [{ code: '12345', type: 'short', country: 'US', keywords: [{ keyword: 'JOIN', kind: 'opt-in', optIn: 'single' }, { keyword: 'NEWS', kind: 'outbound' }] }],
  events: [
    { at: '2025-04-23T10:00:00-05:00', type: 'mo', mobileNumber: '12345678900', code: '12345', text: 'JOIN' },
    { at: '2025-04-24T09:00:00Z', type: 'import', mobileNumber: '12345678900', code: '12345', keyword: 'NEWS', status: 'Active' },
  ] as Record<string, unknown>[],
});

const issues = (doc: unknown): string[] => {
  const r = parseScenario(doc);
  return r.ok ? [] : r.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
};

describe('parseScenario', () => {
  it('accepts the format example and gives default ids e1, e2 by position', () => {
    const r = parseScenario(base());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.events.map((e) => e.id)).toEqual(['e1', 'e2']);
  });
  it('refuses a non-object', () => {
    expect(issues([1, 2])).toEqual(['expected a scenario object ({"format": "opttrace-scenario@1", …}), got an array of 2']);
  });
  it('refuses a missing or unknown format version', () => {
    expect(issues({ ...base(), format: undefined })).toEqual(['format: is required (expected "opttrace-scenario@1")']);
    expect(issues({ ...base(), format: 'opttrace-scenario@2' })).toEqual(['format: unsupported format "opttrace-scenario@2": this version of OptTrace reads "opttrace-scenario@1"']);
  });
  it('names an unknown code with the known ones', () => {
    const doc = base();
    doc.events[1]!.code = '1234';
    expect(issues(doc)).toEqual(['events[1].code: unknown code "1234" (known: 12345)']);
  });
  it('names an unknown keyword on a code', () => {
    const doc = base();
    doc.events[1]!.keyword = 'NOPE';
    expect(issues(doc)).toEqual(['events[1].keyword: unknown keyword "NOPE" on code 12345 (known: JOIN, NEWS)']);
  });
  it('matches keywords case-insensitively by default', () => {
    const doc = base();
    doc.events[1]!.keyword = 'news';
    expect(issues(doc)).toEqual([]);
  });
  it('refuses timestamps that are not ISO-8601 or have no offset', () => {
    const doc = base();
    doc.events[0]!.at = '2025-04-23 10:00:00';
    doc.events[1]!.at = '4/23/2025 9:05:00 AM';
    expect(issues(doc)).toEqual([
      'events[0].at: timestamp "2025-04-23 10:00:00" has no UTC offset (add Z or ±hh:mm, e.g. 2025-04-23T10:00:00-05:00)',
      'events[1].at: expected an ISO-8601 timestamp with offset (e.g. 2025-04-23T10:00:00-05:00), got "4/23/2025 9:05:00 AM"',
    ]);
  });
  it('refuses duplicate event ids, explicit or by default', () => {
    const doc = base();
    doc.events[0]!.id = 'e2';
    expect(issues(doc)).toEqual(['events[1].id: duplicate event id "e2" (also events[0], which is this event\'s default id)']);
    doc.events[1]!.id = 'e2';
    expect(issues(doc)).toEqual(['events[1].id: duplicate event id "e2" (also events[0])']);
  });
  it('refuses unknown event types and fields', () => {
    const doc = base();
    doc.events[0]!.type = 'sms';
    doc.events[1]!.colour = 'red';
    expect(issues(doc)).toEqual([
      'events[0].type: unknown event type "sms" (known: mo, api.queueMO, api.messageContact, api.contact, import, ui, journey.sms, outbound.de, send)',
      'events[1].colour: unexpected field (allowed: id, at, type, mobileNumber, evidence, hypothetical, skipped, note, code, keyword, status, consent)',
    ]);
  });
  it('refuses unknown assumption names, wrongly typed values and unknown presets', () => {
    expect(issues({ ...base(), rulebook: { assumptions: { journeyResubscribe: true } } })).toEqual([
      'rulebook.assumptions.journeyResubscribe: unknown assumption "journeyResubscribe" (known: inactiveBlocksSend, undeliverableBlocksSend, keywordCaseInsensitive, multiWordStop, customStopCodeWide, importUnsubscribeScope, doubleOptInWindowHours, reoptInByKeyword, importKeepsExisting, journeyResubscribes, outboundResubscribes, stopWords)',
    ]);
    expect(issues({ ...base(), rulebook: { assumptions: { journeyResubscribes: 'yes', importUnsubscribeScope: 'all', doubleOptInWindowHours: -1 } } })).toEqual([
      'rulebook.assumptions.journeyResubscribes: expected true or false, got "yes"',
      'rulebook.assumptions.importUnsubscribeScope: expected one of keyword, code, got "all"',
      'rulebook.assumptions.doubleOptInWindowHours: expected a number from 0 to 8760, got -1',
    ]);
    expect(issues({ ...base(), rulebook: { preset: 'mc-1999' } })).toEqual(['rulebook.preset: unknown preset "mc-1999" (known: mobileconnect-2025, mobileconnect-legacy-stop-words)']);
  });
  it('refuses expectations that name unknown event ids', () => {
    expect(issues({ ...base(), expect: [{ after: 'e9', mobileNumber: '12345678900', contactStatus: 'Active' }] })).toEqual(['expect[0].after: unknown event id "e9" (known: e1, e2)']);
  });
  it('checks expectation shapes and flags', () => {
    expect(issues({ ...base(), expect: [{ flag: 'NOPE', present: true }, { mobileNumber: '1', code: '12345', keyword: 'JOIN', status: 'Maybe' }] })).toEqual([
      'expect[0].flag: expected one of REOPTIN-AFTER-STOP, NONKEYWORD-OPTOUT, SENT-WHILE-BLOCKED, PENDING-TREATED-AS-OPTED-IN, IMPORT-WITHOUT-CONSENT, OTHER-CODE-STILL-SENDING, LATE-OPTOUT-HONOURED, got "NOPE"',
      'expect[1].status: expected one of None, NotOptedIn, OptInPending, OptedIn, OptedOut, got "Maybe"',
    ]);
  });
  it('requires a template for opt-in keywords', () => {
    const doc = base();
    (doc.codes[0]!.keywords as Record<string, unknown>[]).push({ keyword: 'X', kind: 'opt-in' });
    expect(issues(doc)).toEqual(['codes[0].keywords[2].optIn: is required for opt-in keywords (single, double or age)']);
  });
  it('reports missing required fields', () => {
    expect(issues({ format: 'opttrace-scenario@1' })).toEqual(['title: is required', 'codes: is required', 'events: is required']);
  });
});

describe('parseScenario (inherited property names)', () => {
  it('refuses fields named like Object.prototype members', () => {
    const doc = JSON.parse('{"format":"opttrace-scenario@1","title":"t","codes":[],"events":[],"toString":1,"__proto__":{"x":1}}');
    expect(issues(doc)).toEqual([
      'toString: unexpected field (allowed: format, title, description, rulebook, codes, initial, events, expect, gaps)',
      '__proto__: unexpected field (allowed: format, title, description, rulebook, codes, initial, events, expect, gaps)',
    ]);
  });
});
