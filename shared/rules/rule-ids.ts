/** Rule ids of rules.md §3 (plus the bookkeeping ids the engine needs) and flag ids of §4. */
export const RULE_IDS = [
  'MO-FIRST-WORD',
  'STOP-CODE-WIDE',
  'STOP-CUSTOM',
  'IMPORT-UNSUBSCRIBE',
  'UI-OPT-OUT',
  'API-OPT-OUT',
  'TEMPLATE-SINGLE',
  'TEMPLATE-DOUBLE-START',
  'TEMPLATE-DOUBLE-CONFIRM',
  'TEMPLATE-DOUBLE-EXPIRED',
  'TEMPLATE-AGE',
  'TEMPLATE-AFTER-STOP',
  'TEMPLATE-DUPLICATE',
  'IMPORT-NEW-KEYWORD',
  'IMPORT-NO-REOPTIN',
  'IMPORT-ACTIVE',
  'UI-OPT-IN',
  'API-SUBSCRIBE',
  'API-RESUBSCRIBE',
  'API-KEYWORD-REQUIRED',
  'JOURNEY-CREATE-ONLY',
  'OUTBOUND-DE',
  'HELP',
  'UNKNOWN-KEYWORD',
  'SEND-CHECK',
  // Bookkeeping: not in rules.md §3 but every step and verdict must name a rule.
  'API-CONTACT',
  'EVENT-SKIPPED',
  'INITIAL-STATE',
  'SENDABILITY',
  'EVIDENCE-GAP',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const FLAG_IDS = [
  'REOPTIN-AFTER-STOP',
  'NONKEYWORD-OPTOUT',
  'SENT-WHILE-BLOCKED',
  'PENDING-TREATED-AS-OPTED-IN',
  'IMPORT-WITHOUT-CONSENT',
  'OTHER-CODE-STILL-SENDING',
  'LATE-OPTOUT-HONOURED',
] as const;
export type FlagId = (typeof FLAG_IDS)[number];

const FLAG_SET: ReadonlySet<string> = new Set(FLAG_IDS);
export const isFlagId = (s: string): s is FlagId => FLAG_SET.has(s);
