/**
 * parseScenario: untrusted JSON → a typed Scenario or a list of issues with JSON paths. Never throws.
 */
import type { Issue } from '../ipc/validate';
import { arrayOf, describe } from '../ipc/validate';
import { EVENT_TYPES, SCENARIO_FORMAT, type CodeDef, type Scenario, type ScenarioEvent } from '../model';
import { resolveRulebook } from './rulebook';
import { EVENT_CHECKS, EXPECT_CHECKS, codeCheck, gapCheck, initialCheck, rulebookCheck, topCheck } from './scenario-schema';

export type ParseResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly issues: readonly Issue[] };

/** ISO-8601 date-time with seconds optional, up to millisecond fractions, and a required offset. */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_NO_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

export const checkTimestamp = (v: string, path: string, issues: Issue[]): boolean => {
  if (ISO.test(v) && Number.isFinite(Date.parse(v))) return true;
  if (ISO_NO_OFFSET.test(v)) issues.push({ path, message: `timestamp ${JSON.stringify(v)} has no UTC offset (add Z or ±hh:mm, e.g. 2025-04-23T10:00:00-05:00)` });
  else issues.push({ path, message: `expected an ISO-8601 timestamp with offset (e.g. 2025-04-23T10:00:00-05:00), got ${describe(v)}` });
  return false;
};

const listOf = (xs: readonly string[]): string => (xs.length > 10 ? `${xs.slice(0, 10).join(', ')}, …` : xs.join(', ')) || 'none';

export const parseScenario = (json: unknown): ParseResult => {
  try {
    return parse(json);
  } catch (err) {
    // Defensive: the checks below are written not to throw; report rather than crash if one does.
    return { ok: false, issues: [{ path: '', message: `could not read the scenario: ${err instanceof Error ? err.message : String(err)}` }] };
  }
};

const parse = (json: unknown): ParseResult => {
  const issues: Issue[] = [];
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, issues: [{ path: '', message: `expected a scenario object ({"format": "${SCENARIO_FORMAT}", …}), got ${describe(json)}` }] };
  }
  const doc = json as Record<string, unknown>;
  if (doc.format === undefined) return { ok: false, issues: [{ path: 'format', message: `is required (expected "${SCENARIO_FORMAT}")` }] };
  if (doc.format !== SCENARIO_FORMAT) {
    return { ok: false, issues: [{ path: 'format', message: `unsupported format ${describe(doc.format)}: this version of OptTrace reads "${SCENARIO_FORMAT}"` }] };
  }
  // Unknown or missing top-level fields; keep going so one run reports most problems.
  topCheck(doc, '', issues);

  // Rulebook first: keyword matching (case) depends on it.
  let caseInsensitive = true;
  if (doc.rulebook !== undefined && rulebookCheck(doc.rulebook, 'rulebook', issues)) {
    const rb = resolveRulebook(doc.rulebook as { preset?: string; assumptions?: Record<string, unknown> });
    if (rb.ok) caseInsensitive = rb.rulebook.assumptions.keywordCaseInsensitive;
    else issues.push(...rb.issues);
  }
  const canon = (s: string): string => (caseInsensitive ? s.trim().toUpperCase() : s.trim());

  // Codes and their keywords.
  const codes = new Map<string, Map<string, string>>();
  const codesOk = doc.codes !== undefined && arrayOf(codeCheck, 1000)(doc.codes, 'codes', issues);
  if (codesOk) {
    (doc.codes as CodeDef[]).forEach((c, i) => {
      if (codes.has(c.code)) issues.push({ path: `codes[${i}].code`, message: `duplicate code ${JSON.stringify(c.code)}` });
      const kws = new Map<string, string>();
      c.keywords.forEach((k, j) => {
        const p = `codes[${i}].keywords[${j}]`;
        if (kws.has(canon(k.keyword))) issues.push({ path: `${p}.keyword`, message: `duplicate keyword ${JSON.stringify(k.keyword)} on code ${c.code}` });
        kws.set(canon(k.keyword), k.keyword);
        if (k.kind === 'opt-in' && k.optIn === undefined) issues.push({ path: `${p}.optIn`, message: 'is required for opt-in keywords (single, double or age)' });
        if (k.kind !== 'opt-in' && k.optIn !== undefined) issues.push({ path: `${p}.optIn`, message: `only opt-in keywords have a template (this one is ${k.kind})` });
        if (k.optIn === 'age' && k.minimumAge === undefined) issues.push({ path: `${p}.minimumAge`, message: 'is required for age-verified opt-in keywords' });
      });
      codes.set(c.code, kws);
    });
  }
  const knownCodes = [...codes.keys()];
  const checkCode = (code: unknown, path: string): boolean => {
    if (!codesOk || typeof code !== 'string') return false;
    if (codes.has(code)) return true;
    issues.push({ path, message: `unknown code ${JSON.stringify(code)} (known: ${listOf(knownCodes)})` });
    return false;
  };
  const checkKeyword = (code: unknown, kw: unknown, path: string): void => {
    if (typeof code !== 'string' || typeof kw !== 'string') return;
    const kws = codes.get(code);
    if (kws && !kws.has(canon(kw))) issues.push({ path, message: `unknown keyword ${JSON.stringify(kw)} on code ${code} (known: ${listOf([...kws.values()])})` });
  };

  if (doc.initial !== undefined && initialCheck(doc.initial, 'initial', issues)) {
    const init = doc.initial as { subscriptions?: { code: string; keyword: string }[] };
    (init.subscriptions ?? []).forEach((s, i) => {
      if (checkCode(s.code, `initial.subscriptions[${i}].code`)) checkKeyword(s.code, s.keyword, `initial.subscriptions[${i}].keyword`);
    });
  }

  // Events.
  const events: ScenarioEvent[] = [];
  const ids = new Map<string, number>();
  if (!Array.isArray(doc.events)) {
    if (doc.events !== undefined) issues.push({ path: 'events', message: `expected an array, got ${describe(doc.events)}` });
  } else {
    doc.events.forEach((raw: unknown, i: number) => {
      const p = `events[${i}]`;
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        issues.push({ path: p, message: `expected an event object, got ${describe(raw)}` });
        return;
      }
      const ev = raw as Record<string, unknown>;
      const type = ev.type;
      if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
        issues.push({ path: `${p}.type`, message: `unknown event type ${describe(type)} (known: ${EVENT_TYPES.join(', ')})` });
        return;
      }
      const good = EVENT_CHECKS[type as ScenarioEvent['type']](ev, p, issues);
      const id = typeof ev.id === 'string' ? ev.id : `e${i + 1}`;
      const prev = ids.get(id);
      if (prev !== undefined) issues.push({ path: `${p}.id`, message: `duplicate event id ${JSON.stringify(id)} (also events[${prev}]${typeof ev.id === 'string' ? '' : ', which is this event\'s default id'})` });
      else ids.set(id, i);
      if (typeof ev.at === 'string') checkTimestamp(ev.at, `${p}.at`, issues);
      if ('code' in ev && checkCode(ev.code, `${p}.code`) && typeof ev.keyword === 'string') {
        if (type === 'api.messageContact') {
          // A keyword of another code is a runtime rejection (API-KEYWORD-REQUIRED), not a file error.
          const anywhere = [...codes.values()].some((m) => m.has(canon(ev.keyword as string)));
          if (!anywhere) issues.push({ path: `${p}.keyword`, message: `unknown keyword ${JSON.stringify(ev.keyword)} (not defined on any code)` });
        } else checkKeyword(ev.code, ev.keyword, `${p}.keyword`);
      }
      if (good) events.push({ ...(ev as unknown as ScenarioEvent), id });
    });
  }

  // Expectations.
  if (doc.expect !== undefined) {
    if (!Array.isArray(doc.expect)) issues.push({ path: 'expect', message: `expected an array, got ${describe(doc.expect)}` });
    else {
      doc.expect.forEach((x: unknown, i: number) => {
        const p = `expect[${i}]`;
        if (x === null || typeof x !== 'object' || Array.isArray(x)) {
          issues.push({ path: p, message: `expected an expectation object, got ${describe(x)}` });
          return;
        }
        const e = x as Record<string, unknown>;
        const shape = 'flag' in e ? 'flag' : 'contactStatus' in e ? 'contact' : 'sendable' in e ? 'sendable' : 'subscription';
        EXPECT_CHECKS[shape](e, p, issues);
        if (typeof e.after === 'string' && !ids.has(e.after)) issues.push({ path: `${p}.after`, message: `unknown event id ${JSON.stringify(e.after)} (known: ${listOf([...ids.keys()])})` });
        if ((shape === 'subscription' || shape === 'sendable') && checkCode(e.code, `${p}.code`) && shape === 'subscription') checkKeyword(e.code, e.keyword, `${p}.keyword`);
      });
    }
  }

  if (doc.gaps !== undefined) {
    if (arrayOf(gapCheck)(doc.gaps, 'gaps', issues)) {
      (doc.gaps as { code?: string; at?: string }[]).forEach((g, i) => {
        if (g.code !== undefined) checkCode(g.code, `gaps[${i}].code`);
        if (g.at !== undefined) checkTimestamp(g.at, `gaps[${i}].at`, issues);
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, scenario: { ...(doc as unknown as Scenario), events } };
};
