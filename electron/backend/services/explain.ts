/**
 * number.explain: one number's history replayed with the workspace rulebook (plus any in-place
 * assumption overrides) → per code a verdict and a sentence, per keyword the deciding event, rule,
 * article, evidence rows and assumptions; gaps and discrepancies against the exported current state.
 */
import type { CodeExplanation, DecidingEvent, Discrepancy, Explanation, KeywordExplanation } from '../../../shared/ipc/desk-types';
import type { Scenario, ScenarioEvent, SubscriptionStatus } from '../../../shared/model';
import { explainNumber as explainReplay, RULES, replay, type Rulebook, type Step } from '../../../shared/rules';
import type { Workspace } from '../db/workspace';
import { UserError } from '../errors';
import type { KeywordResolver } from '../history/keywords';
import { reconstruct } from '../history/reconstruct';
import { normalizeNumber } from '../import/normalize';
import { cstText, utcText } from './time-text';

const describe = (e: ScenarioEvent): string => {
  switch (e.type) {
    case 'mo': return `Subscriber texted "${e.text}" to ${e.code}`;
    case 'api.queueMO': return `REST queueMO sent "${e.text}" to ${e.code}`;
    case 'import': return `Import row${e.status ? ` (${e.status})` : ''} into ${e.keyword} on ${e.code}`;
    case 'ui': return `Manual ${e.action === 'optIn' ? 'opt-in' : 'opt-out'} of ${e.keyword} in the MobileConnect UI`;
    case 'send': return `Message${e.keyword ? ` for ${e.keyword}` : ''} sent on ${e.code}${e.delivered === false ? ' (not delivered)' : ''}`;
    case 'api.contact': return `Contact updated${e.status ? ` to ${e.status}` : ''}${e.undeliverable ? ' (held as undeliverable)' : ''}`;
    default: return `${e.type} on ${e.code}${e.keyword ? ` for ${e.keyword}` : ''}`;
  }
};

const deciding = (e: ScenarioEvent | undefined, atMs: number): DecidingEvent | null =>
  e ? { id: e.id, type: e.type, summary: describe(e), atUtc: utcText(atMs), atCst: cstText(atMs) } : null;

/** The number as stored (normalized like the loader does), plus the 11-digit US form of a 10-digit entry. */
export function findNumber(typed: string): { readonly number: string; readonly asTyped: string } {
  const n = normalizeNumber(typed);
  if (!n.ok) throw new UserError('bad-input', `"${typed}" is not a mobile number: ${n.message}`);
  // Search accepts a US number typed without its country code; the loader keeps such values as exported.
  return { number: n.number.length === 10 ? `1${n.number}` : n.number, asTyped: n.number };
}

const historyOf = (ws: Workspace, resolver: KeywordResolver, typed: string) => {
  const { number, asTyped } = findNumber(typed);
  // A 10-digit value is kept as exported (with a load warning), so look for it as typed too.
  for (const candidate of new Set([number, asTyped])) {
    const r = reconstruct(ws, candidate, resolver);
    if (r.scenario.events.length > 0 || (r.scenario.gaps?.length ?? 0) > 0 || r.current.subscriptions.length > 0 || r.current.contact) return { number: candidate, ...r };
  }
  throw new UserError('not-found', `No loaded export mentions ${number}.`);
};

export function explainNumber(ws: Workspace, resolver: KeywordResolver, rulebook: Rulebook, typed: string): Explanation {
  const t0 = performance.now();
  const { number, scenario, current } = historyOf(ws, resolver, typed);
  const result = replay(rulebook, scenario, { records: 'full' });
  const stepOf = new Map<string, Step>(result.steps.map((s) => [s.event.id, s]));

  // The engine cites event ids ("s6-l91"); analysts read file and line.
  const cites = new Map(scenario.events.map((e) => [e.id, e.evidence?.[0] ? `${e.evidence[0].file} line ${e.evidence[0].line}` : e.id]));
  const readable = (text: string, ids: readonly string[]): string =>
    [...ids].sort((a, b) => b.length - a.length).reduce((t, id) => t.split(id).join(cites.get(id) ?? id), text);

  // The engine's own per-number explanation, dressed with times, evidence rows and readable citations.
  const codeExplanations: CodeExplanation[] = explainReplay(result, number).codes.map(({ code, verdict: v, keywords }) => ({
    code, verdict: v.verdict, sentence: readable(v.reason, v.eventIds), ruleIds: v.ruleIds, assumptions: v.assumptions,
    keywords: keywords.map((k): KeywordExplanation => {
      const step = k.eventId ? stepOf.get(k.eventId) : undefined;
      return {
        keyword: k.keyword, status: k.status, ruleId: k.ruleId, ruleTitle: k.ruleTitle,
        article: k.sources.map((src) => src.cite).join('; ') || 'OptTrace engine bookkeeping (no article)',
        reason: k.reason ?? RULES[k.ruleId].description,
        event: step ? deciding(step.event, step.atMs) : null,
        evidence: step?.event.evidence ?? [],
        assumptions: k.assumptions,
      };
    }),
  }));

  const replayed = result.final.subscriptions;
  const discrepancies: Discrepancy[] = [];
  for (const c of current.subscriptions) {
    if (!c.keyword || !c.status) continue; // unmapped: already a gap
    // Contact Builder rows carry no code: a keyword belongs to exactly one code, so match on it alone.
    const r = replayed.find((s) => s.keyword.toUpperCase() === c.keyword!.toUpperCase() && (c.code === undefined || s.code === c.code));
    const status: SubscriptionStatus = r?.status ?? 'None';
    const evidence = c.evidence[0];
    if (status !== c.status && evidence) discrepancies.push({ code: c.code ?? r?.code ?? 'unknown code', keyword: c.keyword, replayed: status, exported: c.status, evidence });
  }

  return {
    mobileNumber: number,
    rulebookId: result.rulebook.id,
    assumptionValues: { ...result.rulebook.assumptions },
    codes: codeExplanations,
    gaps: (scenario.gaps ?? []).map((g) => ({ kind: g.kind, reason: g.reason, ...(g.code ? { code: g.code } : {}) })),
    discrepancies,
    flags: result.flags.map((f) => ({ flag: f.flag, reason: f.reason })),
    eventCount: scenario.events.length,
    tookMs: performance.now() - t0,
  };
}

export function scenarioOf(ws: Workspace, resolver: KeywordResolver, typed: string): Scenario {
  return historyOf(ws, resolver, typed).scenario;
}
