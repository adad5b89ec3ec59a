/**
 * Reconstructs one number's history from the loaded exports as an `opttrace-scenario@1` document:
 * log rows, inbound and outbound messages become events citing file, line and SHA-256; what the
 * evidence cannot decide becomes a Gap. Replay/explain (shared/rules) runs on the result.
 */
import type { ScenarioEvent } from '../../../shared/model/event';
import { SCENARIO_FORMAT, type Scenario } from '../../../shared/model/scenario';
import { rowsFromWorkspace, type Row, type RowsOf } from '../db/queries';
import type { Workspace } from '../db/workspace';
import { STOP_WORDS } from '../import/code-tables';
import { isoOf } from '../import/normalize';
import { currentState, type CurrentState } from './current-state';
import { cite, Collector, type Draft } from './evidence';
import { KeywordResolver } from './keywords';
import { logEvents } from './log-events';

/** A log-inferred text and a tracked inbound text this close together are the same message. */
const SAME_MESSAGE_MS = 120_000;

export interface Reconstruction {
  readonly scenario: Scenario;
  readonly current: CurrentState;
}

export function reconstruct(ws: Workspace, number: string, resolver: KeywordResolver = new KeywordResolver(ws)): Reconstruction {
  return reconstructFrom(rowsFromWorkspace(ws), number, resolver);
}

/** The same from rows handed over (no workspace needed: the verdict worker runs it too). */
export function reconstructFrom(rowsOf: RowsOf, number: string, resolver: KeywordResolver): Reconstruction {
  const c = new Collector(number);
  const log = rowsOf('subscription_log', number);
  const messages = rowsOf('messages', number);
  const lastLogged = logEvents(log, resolver, c);
  messageEvents(messages, resolver, c);
  mergeInferredTexts(c);
  const current = currentState(rowsOf, number, resolver);
  stateGaps(current, lastLogged, log.length > 0, c);
  subscriberKeyGap([...log, ...messages], c);

  const events = c.events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
  stopGaps(events, c);
  const codes = new Set(events.map((e) => e.code).filter((x): x is string => typeof x === 'string'));
  for (const s of current.subscriptions) if (s.code) codes.add(s.code);
  for (const k of resolver.byGuid.values()) if (k.via === 'message-tracking' && codes.has(k.code) && !k.kind) {
    c.gap({ kind: 'other', code: k.code, keyword: k.keyword, reason: `keyword ${k.keyword} is known only from message tracking: its kind (opt-in/outbound/stop/help) is not in the dictionary` });
  }
  return {
    scenario: {
      format: SCENARIO_FORMAT,
      title: `History of ${number}`,
      description: describeHistory(new Set(events.flatMap((e) => e.evidence.map((x) => x.file))).size, events.length, c.gaps.length),
      codes: resolver.codeDefs(codes),
      events: events.map(finalize),
      gaps: c.gaps,
    },
    current,
  };
}

function messageEvents(rows: readonly Row[], kw: KeywordResolver, c: Collector): void {
  for (const r of rows) {
    const code = r.short_code ? String(r.short_code) : kw.code(r.code_id as string | null);
    const at = isoOf(r.created_at) ?? '';
    if (!code) {
      c.gap({ kind: 'unmapped-keyword', at, reason: `code GUID ${String(r.code_id)} has no ShortCode in tracking or the dictionary`, evidence: [cite(r)] });
      continue;
    }
    if (r.inbound === '1') {
      c.event(r, at, { type: 'mo', code, text: String(r.message_text ?? '') });
    } else if (r.outbound === '1' && r.sent !== '0') {
      const keyword = r.shared_keyword ? String(r.shared_keyword).toUpperCase() : kw.keyword(r.keyword_id as string | null)?.keyword;
      const journey = r.jb_definition_id ? `Journey Builder send (JBDefinitionID ${String(r.jb_definition_id)}): modelled as a plain send` : undefined;
      c.event(r, at, {
        type: 'send', code, ...(keyword ? { keyword } : {}),
        ...(r.delivered === '1' || r.delivered === '0' ? { delivered: r.delivered === '1' } : {}),
        ...(journey ? { note: journey } : {}),
      });
    }
  }
}

/**
 * A log-inferred `mo` (exact text unknown) merges into the tracked inbound message it stands for; one
 * STOP logged once per keyword of the code becomes one event citing every row.
 */
function mergeInferredTexts(c: Collector): void {
  const tracked = c.events.filter((e) => e.type === 'mo' && !e.synthetic);
  const inferred = new Map<string, Draft>();
  const drop = new Set<Draft>();
  for (const e of c.events) {
    if (!e.synthetic || e.type !== 'mo') continue;
    const t = Date.parse(e.at);
    const match =
      tracked.find((m) => m.code === e.code && Math.abs(Date.parse(m.at) - t) <= SAME_MESSAGE_MS) ??
      inferred.get(`${String(e.code)}|${String(e.text)}|${e.at}`);
    if (match) {
      match.evidence.push(...e.evidence);
      drop.add(e);
    } else {
      inferred.set(`${String(e.code)}|${String(e.text)}|${e.at}`, e);
    }
  }
  for (let i = c.events.length - 1; i >= 0; i--) if (drop.has(c.events[i]!)) c.events.splice(i, 1);
}

function stateGaps(current: CurrentState, lastLogged: Map<string, string>, hasLog: boolean, c: Collector): void {
  for (const s of current.subscriptions) {
    if (!s.definitionId || !s.status) continue;
    const logged = lastLogged.get(s.definitionId);
    if (logged === s.status) continue;
    const where = { ...(s.code ? { code: s.code } : {}), ...(s.keyword ? { keyword: s.keyword } : {}) };
    c.gap({
      kind: 'log-gap', ...where, evidence: s.evidence,
      reason: logged
        ? `current state is ${s.status} but the log's last recorded status is ${logged}: the change was not logged (the log keeps only the first event per status)`
        : `current state is ${s.status} but ${hasLog ? 'the log has no row for this keyword' : 'no subscription log was loaded for this number'}`,
    });
  }
}

function subscriberKeyGap(rows: readonly Row[], c: Collector): void {
  const keys = new Set(rows.map((r) => r.subscriber_key).filter((k): k is string => typeof k === 'string' && k !== ''));
  if (keys.size > 1) {
    c.gap({ kind: 'several-subscriber-keys', reason: `${keys.size} subscriber keys share this number (${[...keys].slice(0, 5).join(', ')}): histories of different people may be mixed` });
  }
}

/** A STOP on a code where the evidence shows no subscription before it. */
function stopGaps(events: readonly Draft[], c: Collector): void {
  const subscribed = new Set<string>();
  for (const e of events) {
    if (e.type !== 'mo') {
      if (typeof e.code === 'string' && e.type !== 'send') subscribed.add(e.code);
      continue;
    }
    const text = String(e.text).trim().toUpperCase();
    const isStop = STOP_WORDS.some((w) => text === w || text.startsWith(`${w} `));
    if (isStop && !subscribed.has(String(e.code))) {
      c.gap({ kind: 'stop-from-unknown-number', code: String(e.code), at: e.at, reason: 'STOP from a number with no known subscription on this code (earlier history may be missing from the exports)', evidence: e.evidence });
    }
    subscribed.add(String(e.code));
  }
}

const finalize = (d: Draft): ScenarioEvent => {
  const { order: _order, synthetic: _synthetic, ...rest } = d;
  return rest as unknown as ScenarioEvent;
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const describeHistory = (files: number, events: number, gaps: number): string =>
  `Reconstructed from ${plural(files, 'export file', 'export files')}; ${plural(events, 'event', 'events')}, ${plural(gaps, 'gap', 'gaps')}.`;
