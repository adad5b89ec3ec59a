/** Plain-English building blocks for decision, flag and verdict reasons (decisions and flags: 'full' mode only). */
import type { ScenarioEvent, SubscriptionStatus } from '../model';
import { assertNever, type AssumptionName, type Assumptions } from './assumptions';
import { formatUtcMinute } from './iso-time';
import { RULES } from './rules-catalog';
import type { RuleId } from './rule-ids';
import { SOURCES } from './sources';

let lastMs = NaN;
let lastText = '';

/** "2025-04-23 14:00 UTC" (seconds only when not zero). */
export const fmtTime = (ms: number): string => {
  if (!Number.isFinite(ms)) return 'an unknown time';
  // Consecutive decisions of a step format the same instant: keep the last one.
  if (ms !== lastMs) {
    lastMs = ms;
    lastText = formatUtcMinute(ms);
  }
  return lastText;
};

const STATUS_WORDS: Readonly<Record<SubscriptionStatus, string>> = {
  None: 'no subscription',
  NotOptedIn: 'not opted in',
  OptInPending: 'opt-in pending',
  OptedIn: 'opted in',
  OptedOut: 'opted out',
};
export const statusWords = (s: SubscriptionStatus): string => STATUS_WORDS[s];

/** JSON-quoted texts seen so far: texts repeat (keywords), and JSON.stringify is a slow builtin call. */
const QUOTED = new Map<string, string>();
const quote = (s: string): string => {
  let q = QUOTED.get(s);
  if (q === undefined) {
    q = JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
    // Bounded: free texts must not grow it without limit.
    if (QUOTED.size < 4096) QUOTED.set(s, q);
  }
  return q;
};
const mode = (m: 'subscribedOnly' | 'subscribeAll'): string => (m === 'subscribeAll' ? 'subscribe all' : 'subscribed only');

/**
 * What happened, as the start of a sentence's second half: "the subscriber texted "STOP" on …".
 * Joined into one flat string: every decision of the step copies it into its reason, and copying a
 * flat string is cheaper than walking a rope each time.
 */
export const describeEvent = (e: ScenarioEvent, atMs: number): string => {
  const when = fmtTime(atMs);
  switch (e.type) {
    case 'mo': return ['the subscriber texted ', quote(e.text), ' to ', e.code, ' on ', when].join('');
    case 'api.queueMO': return ['REST queueMO sent ', quote(e.text), ' to ', e.code, ' on the subscriber\'s behalf on ', when].join('');
    case 'api.messageContact': return ['REST messageContact', e.keyword ? ` for ${e.keyword}` : '', ` (subscribe=${e.subscribe}, resubscribe=${e.resubscribe}) ran on `, when].join('');
    case 'api.contact': return ['the Contacts API updated the contact', e.status ? ` to ${e.status}` : '', ' on ', when].join('');
    case 'import': return ['an import row into ', e.keyword, e.status ? ` with status ${e.status}` : '', ' was loaded on ', when].join('');
    case 'ui': return ['an analyst ', e.action === 'optIn' ? 'opted the number in' : 'opted the number out', ' of ', e.keyword, ' by hand in the MobileConnect UI on ', when].join('');
    case 'journey.sms': return ['a Journey Builder SMS activity (', mode(e.mode), ') sent for ', e.keyword, ' on ', when].join('');
    case 'outbound.de': return ['an Outbound send to a Data Extension (', mode(e.mode), ') ran for ', e.keyword, ' on ', when].join('');
    case 'send': return ['a message', e.keyword ? ` for ${e.keyword}` : '', ' was ', e.delivered === false ? 'sent but not delivered' : 'sent', ' on ', e.code, ' on ', when].join('');
    default: return assertNever(e);
  }
};

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
  if (once) return [headline, ': ', what, rest, ' ', c.text].join('');
  let head = HEADS.get(headline);
  if (head === undefined && HEADS.size < 4096) HEADS.set(headline, (head = flat(`${headline}: `)));
  let tail = c.tails.get(rest);
  if (tail === undefined && c.tails.size < TAILS_PER_CITATION) c.tails.set(rest, (tail = flat(`${rest} ${c.text}`)));
  if (head === undefined || tail === undefined) return [headline, ': ', what, rest, ' ', c.text].join('');
  return head + what + tail;
};

/**
 * The same text as one flat string. A template literal builds a rope (a tree of ~10-20 cons cells
 * for a reason sentence); a replay keeps hundreds of thousands of reasons, and the ropes cost over
 * twice the memory and many more objects for the GC to copy. Slicing a one-longer string makes V8
 * flatten the rope once; what is kept is the flat text and a small slice of it.
 */
export const flat = (s: string): string => (s.length < 16 ? s : ` ${s}`.slice(1));
