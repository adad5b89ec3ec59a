/** Plain-English building blocks for decision, flag and verdict reasons (decisions and flags: 'full' mode only). */
import type { SubscriptionStatus } from '../model';
import type { AssumptionName, Assumptions } from './assumptions';
import { formatUtcMinute } from './iso-time';
import { RULES } from './rules-catalog';
import type { RuleId } from './rule-ids';
import { SOURCES } from './sources';

/** "2025-04-23 14:00 UTC" (seconds only when not zero): a rope over cached date and clock texts. */
export const fmtTime = formatUtcMinute;

const STATUS_WORDS: Readonly<Record<SubscriptionStatus, string>> = {
  None: 'no subscription',
  NotOptedIn: 'not opted in',
  OptInPending: 'opt-in pending',
  OptedIn: 'opted in',
  OptedOut: 'opted out',
};
export const statusWords = (s: SubscriptionStatus): string => STATUS_WORDS[s];

/** A citation and the tails built on it ("<rest> <citation>"), per rulebook, rule and (shared, constant) assumptions list. */
interface Cited { readonly text: string; readonly tails: Map<string, string> }
const CITATIONS = new WeakMap<Assumptions, Map<RuleId, Map<readonly AssumptionName[], Cited>>>();

const cited = (ruleId: RuleId, assumptions: readonly AssumptionName[], a: Assumptions): Cited => {
  let byRule = CITATIONS.get(a);
  if (!byRule) CITATIONS.set(a, (byRule = new Map()));
  let byList = byRule.get(ruleId);
  if (!byList) byRule.set(ruleId, (byList = new Map()));
  let c = byList.get(assumptions);
  if (c === undefined) byList.set(assumptions, (c = { text: buildCitation(ruleId, assumptions, a), tails: new Map() }));
  return c;
};

/** "(STOP-CODE-WIDE, Salesforce KA 000381673; assumes customStopCodeWide=true)". */
export const citation = (ruleId: RuleId, assumptions: readonly AssumptionName[], a: Assumptions): string => cited(ruleId, assumptions, a).text;

const buildCitation = (ruleId: RuleId, assumptions: readonly AssumptionName[], a: Assumptions): string => {
  const info = RULES[ruleId];
  const parts = [ruleId, ...info.sources.slice(0, 2).map((s) => SOURCES[s].cite)];
  const assumed = assumptions.map((n) => `${n}=${fmtValue(a[n])}`);
  return `(${parts.join(', ')}${assumed.length > 0 ? `; assumes ${assumed.join(', ')}` : ''})`;
};

export const fmtValue = (v: unknown): string => (Array.isArray(v) ? v.join(',') : String(v));

/**
 * "Headline: why (RULE, source; assumes …)". Joined, not a template: join copies the parts (ropes
 * included) straight into one flat string, where a template builds a rope that flat() then copies.
 */
export const sentence = (headline: string, why: string, ruleId: RuleId, assumptions: readonly AssumptionName[], a: Assumptions): string =>
  [headline, ': ', why, ' ', citation(ruleId, assumptions, a)].join('');

/** "Headline: " per headline; headlines take few values (keyword × code × outcome). Bounded. */
const HEADS = new Map<string, string>();
/** Distinct tails kept per citation: rests that embed an instant never repeat, and must not crowd out the rest. */
const TAILS_PER_CITATION = 256;

/**
 * "Headline: <what><rest> (citation)", where `what` is the step's event text. A replay keeps every
 * reason, so this is a rope of two cells over shared parts: the headline, the step's event text
 * (shared by the step's decisions) and the tail "<rest> <citation>" (few values per rule branch):
 * 64 bytes per decision instead of a ~256-byte flat copy. Unlike the 10-20-cell template ropes
 * (see flat()), no cell here holds a part of its own. Parts not cached are joined flat as before.
 */
export const reasonText = (headline: string, what: string, rest: string, ruleId: RuleId, assumptions: readonly AssumptionName[], a: Assumptions, once: boolean): string => {
  const c = cited(ruleId, assumptions, a);
  if (!once) {
    let head = HEADS.get(headline);
    if (head === undefined && HEADS.size < 4096) HEADS.set(headline, (head = flat(`${headline}: `)));
    let tail = c.tails.get(rest);
    if (tail === undefined && c.tails.size < TAILS_PER_CITATION) c.tails.set(rest, (tail = flat(`${rest} ${c.text}`)));
    if (head !== undefined && tail !== undefined) return head + what + tail;
  }
  return [headline, ': ', what, rest, ' ', c.text].join('');
};

/**
 * The same text as one flat string. A template literal builds a rope (a tree of ~10-20 cons cells
 * for a reason sentence); a replay keeps hundreds of thousands of reasons, and the ropes cost over
 * twice the memory and many more objects for the GC to copy. Slicing a one-longer string makes V8
 * flatten the rope once; what is kept is the flat text and a small slice of it.
 */
export const flat = (s: string): string => (s.length < 16 ? s : ` ${s}`.slice(1));
