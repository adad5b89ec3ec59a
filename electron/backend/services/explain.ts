/**
 * number.explain: one number's history replayed with the workspace rulebook (plus any in-place
 * assumption overrides) → per code a verdict and a sentence, per keyword the deciding event, rule,
 * article, evidence rows and assumptions; gaps and discrepancies against the exported current state.
 */
import type { CodeExplanation, DecidingEvent, Discrepancy, Explanation, KeywordExplanation } from '../../../shared/ipc/desk-types';
import type { CodeDef, Scenario, ScenarioEvent, SubscriptionStatus } from '../../../shared/model';
import { RULES, SOURCES, replay, type Decision, type Rulebook, type RuleId, type Step } from '../../../shared/rules';
import type { DeskStore } from '../db/desk-store';
import { UserError } from '../errors';
import { buildScenario } from './history';
import { cstText, utcText } from './normalize';

const describe = (e: ScenarioEvent): string => {
  switch (e.type) {
    case 'mo': return `Subscriber texted "${e.text}" to ${e.code}`;
    case 'import': return `Import row${e.status ? ` (${e.status})` : ''} into ${e.keyword} on ${e.code}`;
    case 'send': return `Message${e.keyword ? ` for ${e.keyword}` : ''} sent on ${e.code}${e.delivered === false ? ' (not delivered)' : ''}`;
    default: return `${e.type} on ${'code' in e ? e.code : 'the contact'}`;
  }
};

const deciding = (e: ScenarioEvent | undefined, atMs: number): DecidingEvent | null =>
  e ? { id: e.id, type: e.type, summary: describe(e), atUtc: utcText(atMs), atCst: cstText(atMs) } : null;

const article = (ruleId: RuleId): string => RULES[ruleId].sources.map((s) => SOURCES[s].cite).join('; ') || 'OptTrace engine bookkeeping (no article)';

export function findNumber(store: DeskStore, typed: string): string {
  const digits = typed.replace(/\D+/g, '');
  const number = digits.length === 10 ? `1${digits}` : digits;
  if (number === '') throw new UserError('bad-input', `"${typed}" is not a mobile number`);
  return number;
}

export function explainNumber(store: DeskStore, rulebook: Rulebook, codes: readonly CodeDef[], typed: string): Explanation {
  const t0 = performance.now();
  const number = findNumber(store, typed);
  const events = store.eventsOf(number);
  const current = store.currentOf(number);
  if (events.length === 0 && current.length === 0) throw new UserError('not-found', `No loaded export mentions ${number}.`);
  const scenario = buildScenario(store, codes, events, number);
  const result = replay(rulebook, scenario, { records: 'full' });
  const stepOf = new Map<string, Step>(result.steps.map((s) => [s.event.id, s]));
  const sources = new Map(store.sources().map((s) => [s.id, s]));

  const keywordOf = (code: string, keyword: string, status: SubscriptionStatus, eventId: string | undefined, fallbackRule: RuleId): KeywordExplanation => {
    const step = eventId ? stepOf.get(eventId) : undefined;
    const decision: Decision | undefined = step?.decisions.find((d) => d.keyword === keyword && d.changed) ?? step?.decisions.find((d) => d.keyword === keyword) ?? step?.decisions[0];
    const ruleId = decision?.ruleId ?? fallbackRule;
    return {
      keyword, status, ruleId, ruleTitle: RULES[ruleId].title, article: article(ruleId),
      reason: decision?.reason ?? RULES[ruleId].description,
      event: step ? deciding(step.event, step.atMs) : null,
      evidence: step?.event.evidence ?? [],
      assumptions: decision?.assumptions ?? [],
    };
  };

  const codeExplanations: CodeExplanation[] = result.final.verdicts.map((v) => ({
    code: v.code, verdict: v.verdict, sentence: v.reason, ruleIds: v.ruleIds, assumptions: v.assumptions,
    keywords: result.final.subscriptions.filter((s) => s.code === v.code).map((s) => keywordOf(v.code, s.keyword, s.status, s.eventId, s.ruleId)),
  }));

  const replayed = new Map(result.final.subscriptions.map((s) => [s.keyword.toUpperCase(), s]));
  const discrepancies: Discrepancy[] = [];
  for (const c of current) {
    const r = replayed.get(c.keyword.toUpperCase());
    const status = (r?.status ?? 'None') as SubscriptionStatus;
    if (status !== c.status) {
      const src = sources.get(c.sourceId);
      discrepancies.push({ code: r?.code ?? c.code, keyword: c.keyword, replayed: status, exported: c.status as SubscriptionStatus, evidence: { file: src?.fileName ?? '?', line: c.line, sha256: src?.sha256 ?? '' } });
    }
  }

  return {
    mobileNumber: number,
    rulebookId: result.rulebook.id,
    assumptionValues: { ...result.rulebook.assumptions },
    codes: codeExplanations,
    gaps: (scenario.gaps ?? []).map((g) => ({ kind: g.kind, reason: g.reason, ...(g.code ? { code: g.code } : {}) })),
    discrepancies,
    flags: result.flags.map((f) => ({ flag: f.flag, reason: f.reason })),
    eventCount: events.length,
    tookMs: performance.now() - t0,
  };
}

export function scenarioOf(store: DeskStore, codes: readonly CodeDef[], typed: string): Scenario {
  const number = findNumber(store, typed);
  const events = store.eventsOf(number);
  if (events.length === 0) throw new UserError('not-found', `No loaded export has events for ${number}.`);
  return buildScenario(store, codes, events, `History of ${number}`);
}
