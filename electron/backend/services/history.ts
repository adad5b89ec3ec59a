/**
 * Interim history reconstruction (until the loader's history/ lands): export rows → an
 * opttrace-scenario@1 document, every event citing its file, line and SHA-256. Codes and keywords come
 * from the data itself (send keywords, import keywords, current-state keywords).
 */
import { SCENARIO_FORMAT, type CodeDef, type Gap, type Scenario, type ScenarioEvent } from '../../../shared/model';
import type { DeskStore, EventRow } from '../db/desk-store';

const HELP_WORDS = new Set(['HELP', 'INFO']);

export function inferCodes(store: DeskStore): CodeDef[] {
  const byCode = new Map<string, Set<string>>();
  for (const { code, keyword } of store.keywordsByCode()) {
    if (!code) continue;
    const set = byCode.get(code) ?? new Set<string>();
    byCode.set(code, set.add(keyword.toUpperCase()));
  }
  for (const { code } of store.codesWithTexts()) if (!byCode.has(code)) byCode.set(code, new Set());
  return [...byCode.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, kws]) => ({
    code,
    type: code.length <= 6 ? 'short' : 'long',
    country: 'US',
    keywords: [...kws].sort().map((keyword) => (HELP_WORDS.has(keyword) ? { keyword, kind: 'help' as const } : { keyword, kind: 'opt-in' as const, optIn: 'single' as const })),
  }));
}

export interface SourceRef { readonly fileName: string; readonly sha256: string }

export function toScenarioEvent(e: EventRow, sources: ReadonlyMap<number, SourceRef>): ScenarioEvent {
  const src = sources.get(e.sourceId);
  const base = { id: `e${e.id}`, at: e.at, mobileNumber: e.number, evidence: src ? [{ file: src.fileName, line: e.line, sha256: src.sha256 }] : [] };
  switch (e.type) {
    case 'mo':
      return { ...base, type: 'mo', code: e.code, text: e.text ?? '' };
    case 'import':
      return { ...base, type: 'import', code: e.code, keyword: e.keyword ?? '', status: e.status === 'Unsubscribe' ? 'Unsubscribe' : 'Active' };
    default:
      return { ...base, type: 'send', code: e.code, ...(e.keyword ? { keyword: e.keyword } : {}), ...(e.delivered === null ? {} : { delivered: e.delivered === 1 }) };
  }
}

/** Sends for a keyword no code defines cannot be placed: a gap, never a silent guess. */
function gapsOf(events: readonly EventRow[], codes: readonly CodeDef[]): Gap[] {
  const known = new Set(codes.map((c) => c.code));
  const gaps: Gap[] = [];
  for (const e of events) {
    if (!known.has(e.code)) gaps.push({ mobileNumber: e.number, code: e.code, kind: 'unmapped-keyword', reason: `code ${e.code} is not defined by any loaded export` });
  }
  return gaps;
}

export function buildScenario(store: DeskStore, codes: readonly CodeDef[], events: readonly EventRow[], title: string): Scenario {
  const sources = new Map(store.sources().map((s) => [s.id, { fileName: s.fileName, sha256: s.sha256 }]));
  const gaps = gapsOf(events, codes);
  return {
    format: SCENARIO_FORMAT,
    title,
    description: `Reconstructed from ${sources.size} loaded export file(s); every event cites its file and line.`,
    codes,
    events: events.map((e) => toScenarioEvent(e, sources)),
    ...(gaps.length > 0 ? { gaps } : {}),
  };
}
