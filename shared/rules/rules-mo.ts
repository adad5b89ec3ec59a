/** Inbound texts (`mo`, `api.queueMO`): MO-FIRST-WORD, STOP, templates, HELP, UNKNOWN-KEYWORD. */
import type { MoEvent, QueueMoEvent } from '../model';
import type { AssumptionName } from './assumptions';
import { NO_ASSUMPTIONS as NONE, type Ctx, type KeywordIndex } from './context';
import { fmtTime } from './explain-text';
import { stays } from './headlines';
import type { RuleId } from './rule-ids';
import type { CodeState, NumberState, SubState } from './state';
import { afterAnd, afterSemicolon, text1, text2 } from './text-cache';
import { isSendable } from './verdicts';

const FIRST_WORD: readonly AssumptionName[] = ['keywordCaseInsensitive'];
const MULTI_WORD: readonly AssumptionName[] = ['keywordCaseInsensitive', 'multiWordStop'];
const CUSTOM_STOP: readonly AssumptionName[] = ['customStopCodeWide'];
const AFTER_STOP: readonly AssumptionName[] = ['reoptInByKeyword'];
const WINDOW: readonly AssumptionName[] = ['doubleOptInWindowHours'];
const AFTER_STOP_WINDOW: readonly AssumptionName[] = [...AFTER_STOP, ...WINDOW];

// Reason parts shared per keyword, code or word ('full' mode; see text-cache.ts).
const KEYWORD_HEAD = text1((word: string) => `Keyword ${JSON.stringify(word)}`);
const FIRST_WORD_WHY = ', and the keyword of a text is its first word';
const MULTI_WORD_WHY = `${FIRST_WORD_WHY} (or a multi-word STOP phrase at its start)`;
const NOT_A_KEYWORD = text2((raw: string, code: string) => `${JSON.stringify(raw)} is no keyword of ${code}`);
const GLOBAL_STOP = text1((word: string) => `${word} is a global STOP word and opts out of every keyword on its code`);
const CUSTOM_STOP_WHY = text2((keyword: string, code: string) => `${keyword} is a custom STOP keyword of ${code}, which acts like a global STOP word there`);
const CUSTOM_STOP_NOT_WIDE = text1((keyword: string) => `; ${keyword} is a custom STOP keyword but is assumed not to opt out code-wide`);
const HELP_WHY = text1((keyword: string) => `; ${keyword} is a HELP keyword, which only answers with help text`);
const OUTBOUND_WHY = text1((keyword: string) => `${keyword} is an outbound keyword with no opt-in template`);
const NOTHING_ON = text1((code: string) => `Nothing to opt out of on ${code}`);
const NO_SUB_THERE = text1((why: string) => `; ${why}, but the number has no subscription there (recorded)`);
const ALREADY_IN = text1((keyword: string) => `, and the number is already opted in to ${keyword}`);
const SINGLE = text2((again: string, keyword: string) => `${again}; ${keyword} is a single opt-in keyword`);
const AGE_OK = text1((min: number) => `, an age of at least ${min} while the window was open`);
const AGE_LOW = text1((min: number) => `, an age below the minimum of ${min}`);
const QUEUE_MO_STOP = text1((word: string) => `queueMO is treated exactly as if the handset had sent ${word}, so STOP-CODE-WIDE applies`);
const LATE_REPLY = '; a late reply does nothing and pending counts as opted out';
const LATE_REPLY_NO_WINDOW = `, after the opt-in window closed${LATE_REPLY}`;

/** Opt-out wording anywhere in a text (FCC: any reasonable means). */
const OPT_OUT_WORDING = /\b(stop|unsubscribe|remove me|opt[ -]?out|cancel|quit|end|revoke|no more|don'?t (?:text|message|contact)|do not (?:text|message|contact)|leave me alone|take me off)\b/i;
export const readsLikeOptOut = (text: string): boolean => OPT_OUT_WORDING.test(text);

/** The first word (text up to the first whitespace), trimmed. */
const firstWord = (text: string): string => {
  const t = text.trim();
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // ASCII whitespace covers texts from handsets; others fall back to the regex.
    if (c === 32 || c === 9 || c === 10 || c === 13) return t.slice(0, i);
    if (c > 127 && /\s/.test(t[i]!)) return t.slice(0, i);
  }
  return t;
};

/** The global STOP word the text starts with, if any (the rulebook's spelling). */
const matchStop = (ctx: Ctx, text: string, first: string): { word: string; multi: boolean } | undefined => {
  if (ctx.singleStops.has(first)) return { word: first, multi: false };
  if (ctx.a.multiWordStop && ctx.multiFirst.has(first)) {
    const norm = ctx.canon(text).replace(/\s+/g, ' ');
    for (const p of ctx.multiStops) {
      if (norm === p || norm.startsWith(`${p} `)) return { word: p, multi: true };
    }
  }
  return undefined;
};

/**
 * The hot path holds no closures: any closure capturing its locals made V8 allocate a context on
 * every text, 'none' mode included. The texts live in the per-branch helpers below.
 */
export const applyInbound = (ctx: Ctx, e: MoEvent | QueueMoEvent): void => {
  const n = ctx.num(e.mobileNumber);
  const c = ctx.code(n, e.code);
  const raw = firstWord(e.text);
  const first = ctx.canon(raw);
  const stop = matchStop(ctx, e.text, first);
  if (ctx.full) recordFirstWord(ctx, e, stop, raw);
  if (stop) return globalStop(ctx, e, n, c, stop.word);
  const idx = ctx.codes.get(e.code)?.keywords.get(first);
  if (idx) return keywordText(ctx, e, n, c, idx);
  if (reply(ctx, c, first)) return;
  notAKeyword(ctx, e, c, raw);
};

const notAKeyword = (ctx: Ctx, e: MoEvent | QueueMoEvent, c: CodeState, raw: string): void =>
  unknownKeyword(ctx, c, ctx.full ? NOT_A_KEYWORD(raw, e.code) : '');

const recordFirstWord = (ctx: Ctx, e: MoEvent | QueueMoEvent, stop: { word: string; multi: boolean } | undefined, raw: string): void =>
  ctx.decideEvent('MO-FIRST-WORD', e.code, stop?.multi ? MULTI_WORD : FIRST_WORD,
    KEYWORD_HEAD(stop?.word ?? raw), stop?.multi ? MULTI_WORD_WHY : FIRST_WORD_WHY);

const globalStop = (ctx: Ctx, e: MoEvent | QueueMoEvent, n: NumberState, c: CodeState, word: string): void => {
  if (e.type === 'api.queueMO') {
    if (ctx.full) ctx.decideEventWhy('API-OPT-OUT', e.code, `Opt-out through REST`, QUEUE_MO_STOP(word));
  }
  codeWideStop(ctx, n, c, 'STOP-CODE-WIDE', NONE, ctx.full ? GLOBAL_STOP(word) : '');
};

/** A text whose first word is a keyword of the code. */
const keywordText = (ctx: Ctx, e: MoEvent | QueueMoEvent, n: NumberState, c: CodeState, idx: KeywordIndex): void => {
  const kind = idx.def.kind;
  switch (kind) {
    case 'stop':
      if (ctx.a.customStopCodeWide) {
        codeWideStop(ctx, n, c, 'STOP-CUSTOM', CUSTOM_STOP, ctx.full ? CUSTOM_STOP_WHY(idx.def.keyword, e.code) : '');
      } else {
        if (ctx.full) ctx.decideEvent('STOP-CUSTOM', e.code, CUSTOM_STOP,
          'Nothing changed', CUSTOM_STOP_NOT_WIDE(idx.def.keyword));
        revoke(ctx, c, 'STOP-CUSTOM');
      }
      return;
    case 'help':
      if (ctx.full) ctx.decideEvent('HELP', e.code, NONE, 'Nothing changed', HELP_WHY(idx.def.keyword));
      return;
    case 'opt-in':
      optInKeyword(ctx, n, c, idx);
      return;
    case 'outbound':
      unknownKeyword(ctx, c, ctx.full ? OUTBOUND_WHY(idx.def.keyword) : '');
      return;
    default: {
      const never: never = kind;
      return never;
    }
  }
};

/**
 * STOP-CODE-WIDE / STOP-CUSTOM: every keyword of the number on the code becomes OptedOut. `why`: ''
 * in 'none' mode (texts are only built in 'full' mode).
 */
const codeWideStop = (ctx: Ctx, n: NumberState, c: CodeState, ruleId: RuleId, assumptions: readonly AssumptionName[], why: string): void => {
  if (c.subs.size === 0) {
    if (ctx.full) ctx.decideEvent(ruleId, c.code, assumptions, NOTHING_ON(c.code), NO_SUB_THERE(why));
  }
  const subs = c.subs.values();
  for (let i = 0; i < subs.length; i++) {
    const s = subs[i]!;
    if (s.status === 'OptedOut' && s.byStop) {
      if (ctx.full) ctx.decideSub(ruleId, c.code, s.keyword, 'OptedOut', 'OptedOut', assumptions,
        stays(s.keyword, c.code, 'OptedOut'), afterSemicolon(why));
      continue;
    }
    ctx.setSub(c, s.key, s.keyword, 'OptedOut', ruleId, assumptions, ctx.full ? afterAnd(why) : '', true);
  }
  // The subscriber's own STOP honours any earlier plain-words revocation.
  c.revokedAt = undefined;
  c.revokedBy = undefined;
  for (const other of n.codes.values()) {
    if (other !== c && isSendable(ctx.a, n, other)) stillSending(ctx, n, c, other, ruleId);
  }
};

const stillSending = (ctx: Ctx, n: NumberState, c: CodeState, other: CodeState, ruleId: RuleId): void =>
  ctx.flagText('OTHER-CODE-STILL-SENDING', ruleId, other.code, undefined,
    ctx.full ? [n.mobileNumber, ' opted out on ', c.code, ' on ', fmtTime(ctx.at), ' but is still sendable on ', other.code].join('') : '');

const optInKeyword = (ctx: Ctx, n: NumberState, c: CodeState, k: KeywordIndex): void => {
  const s = c.subs.get(k.key);
  const name = k.def.keyword;
  if (s?.status === 'OptedIn') {
    if (ctx.full) ctx.decideSub('TEMPLATE-DUPLICATE', c.code, name, 'OptedIn', 'OptedIn', NONE,
      stays(name, c.code, 'OptedIn'), ALREADY_IN(name));
    return;
  }
  let ruleOverride: RuleId | undefined;
  if (s?.status === 'OptedOut') {
    if (!ctx.a.reoptInByKeyword) {
      if (ctx.full) ctx.decideSub('TEMPLATE-AFTER-STOP', c.code, name, 'OptedOut', 'OptedOut', AFTER_STOP,
        stays(name, c.code, 'OptedOut'), `, and texting an opt-in keyword after opting out is assumed not to restart its opt-in`);
      return;
    }
    ruleOverride = 'TEMPLATE-AFTER-STOP';
  }
  const template = k.def.optIn ?? 'single';
  const assumed = ruleOverride ? AFTER_STOP : NONE;
  const again = ruleOverride ? ' after having opted out of it, which restarts its opt-in as the subscriber\'s own new consent' : '';
  switch (template) {
    case 'single':
      ctx.setSub(c, k.key, name, 'OptedIn', ruleOverride ?? 'TEMPLATE-SINGLE', assumed, ctx.full ? SINGLE(again, name) : '');
      ownConsent(c);
      return;
    case 'double':
    case 'age': {
      const hours = k.def.windowHours ?? ctx.a.doubleOptInWindowHours;
      const windowEnds = ctx.at + hours * 3_600_000;
      const assumptions = k.def.windowHours === undefined ? (ruleOverride ? AFTER_STOP_WINDOW : WINDOW) : assumed;
      const rule: RuleId = ruleOverride ?? (template === 'age' ? 'TEMPLATE-AGE' : 'TEMPLATE-DOUBLE-START');
      ctx.setSub(c, k.key, name, 'OptInPending', rule, assumptions, ctx.full ? waitsFor(k, again, windowEnds, hours) : '', false, windowEnds);
      return;
    }
    default: {
      const never: never = template;
      return never;
    }
  }
};

/**
 * "; JOIN is a double opt-in keyword, which waits for a reply of Y or YES until … (24 h)" ('full' mode).
 * Joined flat: the step log keeps it until the step is read, and a template would keep a rope of cells.
 */
const waitsFor = (k: KeywordIndex, again: string, windowEnds: number, hours: number): string => {
  const age = k.def.optIn === 'age';
  const asks = age ? `an age of at least ${k.def.minimumAge ?? 0}` : `a reply of ${[...k.responses].join(' or ')}`;
  return [again, '; ', k.def.keyword, ' is a ', age ? 'age-verified' : 'double', ' opt-in keyword, which waits for ', asks, ' until ', fmtTime(windowEnds), ' (', hours, ' h)'].join('');
};

/** The subscriber's own opt-in honours an earlier plain-words revocation (they consented again). */
const ownConsent = (c: CodeState): void => {
  c.revokedAt = undefined;
  c.revokedBy = undefined;
};

/** A reply to an open double / age opt-in conversation on the code. Returns false when it is none. */
const reply = (ctx: Ctx, c: CodeState, first: string): boolean => {
  let pending: { s: SubState; k: KeywordIndex } | undefined;
  const subs = c.subs.values();
  for (let i = 0; i < subs.length; i++) {
    const s = subs[i]!;
    if (s.status !== 'OptInPending') continue;
    const k = ctx.codes.get(c.code)?.keywords.get(s.key);
    if (!k || (k.def.optIn !== 'double' && k.def.optIn !== 'age')) continue;
    const isAnswer = k.def.optIn === 'double' ? k.responses.has(first) : /^\d{1,3}$/.test(first);
    if (isAnswer && (pending === undefined || !(pending.s.windowEnds! > s.windowEnds!))) pending = { s, k };
  }
  if (!pending) return false;
  const { s, k } = pending;
  const key = s.key;
  const name = k.def.keyword;
  const assumptions = k.def.windowHours === undefined ? WINDOW : NONE;
  if (s.windowEnds === undefined || !(ctx.at <= s.windowEnds)) {
    if (ctx.full) ctx.decideSub('TEMPLATE-DOUBLE-EXPIRED', c.code, name, 'OptInPending', 'OptInPending', assumptions,
      stays(name, c.code, 'OptInPending'), s.windowEnds === undefined ? LATE_REPLY_NO_WINDOW : [', after the opt-in window closed on ', fmtTime(s.windowEnds), LATE_REPLY].join(''), s.windowEnds !== undefined);
    return true;
  }
  if (k.def.optIn === 'double') {
    ctx.setSub(c, key, name, 'OptedIn', 'TEMPLATE-DOUBLE-CONFIRM', assumptions, `, a valid response while the window was open`);
    ownConsent(c);
    return true;
  }
  const age = Number(first);
  const min = k.def.minimumAge ?? 0;
  if (age >= min) {
    ctx.setSub(c, key, name, 'OptedIn', 'TEMPLATE-AGE', assumptions, ctx.full ? AGE_OK(min) : '');
    ownConsent(c);
  } else {
    ctx.setSub(c, key, name, 'NotOptedIn', 'TEMPLATE-AGE', assumptions, ctx.full ? AGE_LOW(min) : '');
  }
  return true;
};

const unknownKeyword = (ctx: Ctx, c: CodeState, why: string): void => {
  if (ctx.full) ctx.decideEvent('UNKNOWN-KEYWORD', c.code, NONE, 'Nothing changed', afterSemicolon(why));
  const e = ctx.event;
  if ((e.type === 'mo' || e.type === 'api.queueMO') && readsLikeOptOut(e.text)) revoke(ctx, c, 'UNKNOWN-KEYWORD');
};

/** A plain-words revocation: flag it and start the FCC 10-business-day clock. */
const revoke = (ctx: Ctx, c: CodeState, ruleId: RuleId): void => {
  ctx.flag('NONKEYWORD-OPTOUT', ruleId, c.code, undefined,
    ': an opt-out request in words that are not a STOP keyword, so MobileConnect changed nothing, yet consent may be revoked by any reasonable means (FCC 24-24)');
  if (c.revokedAt === undefined) {
    c.revokedAt = ctx.at;
    c.revokedBy = ctx.event.id;
  }
};
