/** Builders for rules tests: a small world (codes 12345 and 67890) and one-line events. */
import type { CodeDef, Expectation, InitialSubscription, KeywordDef, RulebookRef, Scenario, ScenarioEvent } from '../../shared/model';
import { parseScenario, replay, resolveRulebook, type Decision, type Replay, type Rulebook } from '../../shared/rules';

export const N = '15551230001';
export const N2 = '15551230002';

export const KEYWORDS: readonly KeywordDef[] = [
  { keyword: 'JOIN', kind: 'opt-in', optIn: 'single' },
  { keyword: 'TEST', kind: 'opt-in', optIn: 'single' },
  { keyword: 'DEAL', kind: 'opt-in', optIn: 'double', validResponses: ['Y', 'YES'], windowHours: 24 },
  { keyword: 'SLOW', kind: 'opt-in', optIn: 'double' },
  { keyword: 'AGE21', kind: 'opt-in', optIn: 'age', minimumAge: 21 },
  { keyword: 'NEWS', kind: 'outbound' },
  { keyword: 'ARRET', kind: 'stop' },
  { keyword: 'INFO', kind: 'help' },
];

export const CODES: readonly CodeDef[] = [
  { code: '12345', type: 'short', country: 'US', keywords: KEYWORDS },
  { code: '67890', type: 'short', country: 'US', keywords: [{ keyword: 'ALERTS', kind: 'opt-in', optIn: 'single' }] },
];

type Ev = ScenarioEvent;
let seq = 0;
const base = (at: string, mobileNumber = N) => ({ id: `e${++seq}`, at, mobileNumber });
export const resetIds = (): void => { seq = 0; };

/** Minutes after 2025-05-01T10:00Z, as ISO. */
export const t = (minutes: number): string => new Date(Date.parse('2025-05-01T10:00:00Z') + minutes * 60_000).toISOString();

export const mo = (text: string, at = t(0), o: Partial<{ code: string; n: string; id: string }> = {}): Ev =>
  ({ ...base(at, o.n), ...(o.id ? { id: o.id } : {}), type: 'mo', code: o.code ?? '12345', text });
export const queueMo = (text: string, at = t(0), n = N): Ev => ({ ...base(at, n), type: 'api.queueMO', code: '12345', text });
export const imp = (keyword: string, status?: 'Active' | 'Unsubscribe', at = t(0), o: Partial<{ n: string; consent: boolean; code: string }> = {}): Ev =>
  ({ ...base(at, o.n), type: 'import', code: o.code ?? '12345', keyword, ...(status ? { status } : {}), ...(o.consent !== undefined ? { consent: o.consent } : {}) });
export const ui = (keyword: string, action: 'optIn' | 'optOut', at = t(0), n = N): Ev => ({ ...base(at, n), type: 'ui', code: '12345', keyword, action });
export const msg = (keyword: string | undefined, subscribe: boolean, resubscribe: boolean, at = t(0), n = N): Ev =>
  ({ ...base(at, n), type: 'api.messageContact', code: '12345', ...(keyword ? { keyword } : {}), subscribe, resubscribe });
export const journey = (keyword: string, mode: 'subscribedOnly' | 'subscribeAll', at = t(0), n = N): Ev => ({ ...base(at, n), type: 'journey.sms', code: '12345', keyword, mode });
export const outbound = (keyword: string, mode: 'subscribedOnly' | 'subscribeAll', at = t(0), n = N): Ev => ({ ...base(at, n), type: 'outbound.de', code: '12345', keyword, mode });
export const send = (at = t(0), o: Partial<{ keyword: string; delivered: boolean; n: string; code: string }> = {}): Ev =>
  ({ ...base(at, o.n), type: 'send', code: o.code ?? '12345', ...(o.keyword ? { keyword: o.keyword } : {}), ...(o.delivered !== undefined ? { delivered: o.delivered } : {}) });
export const contact = (status: 'Active' | 'Inactive' | 'Deleted' | undefined, at = t(0), o: Partial<{ undeliverable: boolean; n: string }> = {}): Ev =>
  ({ ...base(at, o.n), type: 'api.contact', ...(status ? { status } : {}), ...(o.undeliverable !== undefined ? { undeliverable: o.undeliverable } : {}) });

export const opted = (keyword: string, status: InitialSubscription['status'] = 'OptedIn', n = N, code = '12345'): InitialSubscription => ({ mobileNumber: n, code, keyword, status });

export const scenario = (events: readonly Ev[], o: Partial<{ subs: InitialSubscription[]; rulebook: RulebookRef; expect: Expectation[] }> = {}): Scenario => ({
  format: 'opttrace-scenario@1',
  title: 'test',
  codes: CODES,
  ...(o.rulebook ? { rulebook: o.rulebook } : {}),
  initial: { subscriptions: o.subs ?? [] },
  events,
  ...(o.expect ? { expect: o.expect } : {}),
});

export const rulebook = (assumptions: Record<string, unknown> = {}, preset?: string): Rulebook => {
  const r = resolveRulebook({ ...(preset ? { preset } : {}), assumptions });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.rulebook;
};

/** Replays events (validated through parseScenario, as files are) and returns the replay. */
export const run = (events: readonly Ev[], o: Partial<{ subs: InitialSubscription[]; assume: Record<string, unknown>; preset: string; expect: Expectation[] }> = {}): Replay => {
  const parsed = parseScenario(JSON.parse(JSON.stringify(scenario(events, o))));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return replay(rulebook(o.assume, o.preset), parsed.scenario);
};

export const status = (r: Replay, keyword: string, n = N, code = '12345'): string =>
  r.final.subscriptions.find((s) => s.mobileNumber === n && s.code === code && s.keyword === keyword)?.status ?? 'None';
export const verdict = (r: Replay, n = N, code = '12345') => r.final.verdicts.find((v) => v.mobileNumber === n && v.code === code);
export const decisions = (r: Replay): Decision[] => r.steps.flatMap((s) => s.decisions);
export const ruleIds = (r: Replay): string[] => decisions(r).map((d) => d.ruleId);
export const flagIds = (r: Replay): string[] => r.flags.map((f) => f.flag);

/** A final state as a replay without records gives it: the same, minus the verdicts' reason sentences. */
export const withoutProse = (final: Replay['final']): Replay['final'] => ({ ...final, verdicts: final.verdicts.map((v) => ({ ...v, reason: '' })) });
