/** Structural checks of an `opttrace-scenario@1` document (field names and types). */
import { CONTACT_STATUSES, CODE_TYPES, KEYWORD_KINDS, OPT_IN_TEMPLATES, SUBSCRIPTION_STATUSES, type EventType } from '../model';
import { arrayOf, bool, describe, int, num, obj, oneOf, str, type Check } from '../ipc/validate';
import { FLAG_IDS } from './rule-ids';

const text = str({ min: 1, max: 200 });
const longText = str({ max: 20_000 });
const anyValue: Check<unknown> = (_v, _p, _i): _v is unknown => true;
const record: Check<Record<string, unknown>> = (v, p, issues): v is Record<string, unknown> => {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return true;
  issues.push({ path: p, message: `expected an object, got ${describe(v)}` });
  return false;
};

const keyword = obj(
  { keyword: text, kind: oneOf(KEYWORD_KINDS), optIn: oneOf(OPT_IN_TEMPLATES), validResponses: arrayOf(text, 50), windowHours: num(0, 8760), minimumAge: int(0, 150), guid: text },
  ['optIn', 'validResponses', 'windowHours', 'minimumAge', 'guid'],
);
export const codeCheck = obj({ code: text, type: oneOf(CODE_TYPES), country: text, keywords: arrayOf(keyword, 10_000), guid: text }, ['guid']);

export const rulebookCheck = obj({ preset: text, assumptions: record }, ['preset', 'assumptions']);

const initialContact = obj({ mobileNumber: text, status: oneOf(CONTACT_STATUSES), undeliverable: bool }, ['undeliverable']);
const initialSub = obj({ mobileNumber: text, code: text, keyword: text, status: oneOf(SUBSCRIPTION_STATUSES.filter((s) => s !== 'None')) });
export const initialCheck = obj({ contacts: arrayOf(initialContact), subscriptions: arrayOf(initialSub) }, ['contacts', 'subscriptions']);

const citation = obj({ file: str({ max: 1000 }), line: int(0), sha256: str({ max: 200 }) });
const base = { id: text, at: text, type: text, mobileNumber: text, evidence: arrayOf(citation, 1000), hypothetical: bool, skipped: bool, note: longText };
const baseOptional = ['id', 'evidence', 'hypothetical', 'skipped', 'note'] as const;
const sendMode = oneOf(['subscribedOnly', 'subscribeAll'] as const);

export const EVENT_CHECKS: Readonly<Record<EventType, Check<unknown>>> = {
  mo: obj({ ...base, code: text, text: str({ max: 2000 }) }, baseOptional),
  'api.queueMO': obj({ ...base, code: text, text: str({ max: 2000 }) }, baseOptional),
  'api.messageContact': obj({ ...base, code: text, keyword: text, subscribe: bool, resubscribe: bool }, [...baseOptional, 'keyword']),
  'api.contact': obj({ ...base, status: oneOf(CONTACT_STATUSES), undeliverable: bool }, [...baseOptional, 'status', 'undeliverable']),
  import: obj({ ...base, code: text, keyword: text, status: oneOf(['Active', 'Unsubscribe'] as const), consent: bool }, [...baseOptional, 'status', 'consent']),
  ui: obj({ ...base, code: text, keyword: text, action: oneOf(['optIn', 'optOut'] as const) }, baseOptional),
  'journey.sms': obj({ ...base, code: text, keyword: text, mode: sendMode }, baseOptional),
  'outbound.de': obj({ ...base, code: text, keyword: text, mode: sendMode }, baseOptional),
  send: obj({ ...base, code: text, keyword: text, delivered: bool }, [...baseOptional, 'keyword', 'delivered']),
};

const after = { after: text };
export const EXPECT_CHECKS = {
  flag: obj({ ...after, flag: oneOf(FLAG_IDS), mobileNumber: text, present: bool }, ['after', 'mobileNumber']),
  contact: obj({ ...after, mobileNumber: text, contactStatus: oneOf(CONTACT_STATUSES) }, ['after']),
  sendable: obj({ ...after, mobileNumber: text, code: text, sendable: bool }, ['after']),
  subscription: obj({ ...after, mobileNumber: text, code: text, keyword: text, status: oneOf(SUBSCRIPTION_STATUSES) }, ['after']),
} as const;

const GAP_KINDS = ['unmapped-keyword', 'log-gap', 'stop-from-unknown-number', 'several-subscriber-keys', 'other'] as const;
export const gapCheck = obj(
  { mobileNumber: text, code: text, keyword: text, at: text, kind: oneOf(GAP_KINDS), reason: str({ min: 1, max: 2000 }), evidence: arrayOf(citation, 1000) },
  ['code', 'keyword', 'at', 'evidence'],
);

export const TOP_FIELDS = {
  format: anyValue, title: str({ min: 1, max: 500 }), description: longText, rulebook: anyValue, codes: anyValue,
  initial: anyValue, events: anyValue, expect: anyValue, gaps: anyValue,
};
export const topCheck = obj(TOP_FIELDS, ['description', 'rulebook', 'initial', 'expect', 'gaps']);
