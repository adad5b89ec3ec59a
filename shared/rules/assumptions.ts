/**
 * Every ASSUMPTION of rules.md as a named, typed rulebook setting. Explanations list the names a
 * decision relied on, so an analyst can switch them and compare outcomes.
 */
import type { SourceId } from './sources';

export const IMPORT_UNSUBSCRIBE_SCOPES = ['keyword', 'code'] as const;
export type ImportUnsubscribeScope = (typeof IMPORT_UNSUBSCRIBE_SCOPES)[number];

export interface Assumptions {
  readonly inactiveBlocksSend: boolean;
  readonly undeliverableBlocksSend: boolean;
  readonly keywordCaseInsensitive: boolean;
  readonly multiWordStop: boolean;
  readonly customStopCodeWide: boolean;
  readonly importUnsubscribeScope: ImportUnsubscribeScope;
  readonly doubleOptInWindowHours: number;
  readonly reoptInByKeyword: boolean;
  readonly importKeepsExisting: boolean;
  readonly journeyResubscribes: boolean;
  readonly outboundResubscribes: boolean;
  readonly stopWords: readonly string[];
}
export type AssumptionName = keyof Assumptions;

export type AssumptionType =
  | { readonly kind: 'boolean' }
  | { readonly kind: 'number'; readonly min: number; readonly max: number }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'string-list' };

export interface AssumptionDef {
  readonly name: AssumptionName;
  readonly type: AssumptionType;
  readonly default: Assumptions[AssumptionName];
  readonly description: string;
  /** Where the question comes from, or which sources disagree. */
  readonly note: string;
  readonly sources: readonly SourceId[];
}

const BOOL = { kind: 'boolean' } as const;

/** Current global STOP words [Salesforce Help "STOP Keywords in MobileConnect"]. */
export const STOP_WORDS_2025 = ['STOP', 'QUIT', 'CANCEL', 'END', 'UNSUBSCRIBE', 'REVOKE', 'OPT OUT'] as const;
/** The older list [KA-000230827]. */
export const STOP_WORDS_LEGACY = ['STOP', 'QUIT', 'CANCEL', 'END', 'TERMINATE', 'UNSUBSCRIBE'] as const;

export const ASSUMPTION_DEFS: readonly AssumptionDef[] = [
  { name: 'inactiveBlocksSend', type: BOOL, default: true, sources: ['HELP-DEMOGRAPHICS'],
    description: 'An Inactive contact is not sendable on any code.',
    note: 'Not stated by Salesforce; the Demographics status is documented but not its effect on sends.' },
  { name: 'undeliverableBlocksSend', type: BOOL, default: true, sources: [],
    description: 'A number held as undeliverable (_UndeliverableSms) is not sendable.',
    note: 'Not stated by Salesforce; only applies when undeliverable data is loaded.' },
  { name: 'keywordCaseInsensitive', type: BOOL, default: true, sources: ['HELP-STOP-KEYWORDS'],
    description: 'Keywords match regardless of case; surrounding whitespace is ignored.',
    note: 'Observed behaviour, not stated in the help pages.' },
  { name: 'multiWordStop', type: BOOL, default: true, sources: ['HELP-STOP-KEYWORDS'],
    description: 'Multi-word STOP phrases such as OPT OUT match the leading words of a text.',
    note: 'The keyword is documented as the first word; the help lists OPT OUT as a STOP word anyway.' },
  { name: 'customStopCodeWide', type: BOOL, default: true, sources: ['HELP-STOP-KEYWORDS'],
    description: 'A custom STOP keyword opts the number out of every keyword on its code, like a global STOP word.',
    note: 'The help describes custom STOP keywords but not their scope.' },
  { name: 'importUnsubscribeScope', type: { kind: 'enum', values: IMPORT_UNSUBSCRIBE_SCOPES }, default: 'keyword', sources: ['KA-000388781'],
    description: 'An Unsubscribe import row opts out only the imported keyword ("keyword") or every keyword on its code ("code").',
    note: 'KA-000388781 describes the opt-out of the imported keyword; the effect on sibling keywords is not stated.' },
  { name: 'doubleOptInWindowHours', type: { kind: 'number', min: 0, max: 8760 }, default: 24, sources: ['KA-000381673'],
    description: 'Hours a double or age-verified opt-in conversation stays open when the keyword sets none.',
    note: 'KA-000381673 says the conversation expires but not after how long.' },
  { name: 'reoptInByKeyword', type: BOOL, default: true, sources: [],
    description: 'Texting an opt-in keyword after opting out of it restarts its opt-in flow (the subscriber\'s own new consent).',
    note: 'Not stated by Salesforce.' },
  { name: 'importKeepsExisting', type: BOOL, default: true, sources: ['KA-000381673'],
    description: 'An import into an OptedIn or OptInPending subscription leaves its status unchanged.',
    note: 'KA-000381673 covers OptedOut rows only.' },
  { name: 'journeyResubscribes', type: BOOL, default: false, sources: ['KA-000381673', 'KA-005263979'],
    description: 'Journey Builder "subscribe all" also re-opts in OptedOut subscriptions.',
    note: 'KA-000381673 says "Create only"; KA-005263979 says it subscribes "regardless of status".' },
  { name: 'outboundResubscribes', type: BOOL, default: false, sources: ['KA-000381673'],
    description: 'An Outbound send to a Data Extension with "subscribe all" also re-opts in OptedOut subscriptions.',
    note: 'KA-000381673 lists it as an opt-in route without saying whether it overrides an opt-out.' },
  { name: 'stopWords', type: { kind: 'string-list' }, default: STOP_WORDS_2025, sources: ['HELP-STOP-KEYWORDS', 'KA-000230827'],
    description: 'The global STOP words of the account.',
    note: 'Current help: STOP, QUIT, CANCEL, END, UNSUBSCRIBE, REVOKE, OPT OUT; KA-000230827: STOP, QUIT, CANCEL, END, TERMINATE, UNSUBSCRIBE.' },
];

export const ASSUMPTION_NAMES: readonly AssumptionName[] = ASSUMPTION_DEFS.map((d) => d.name);

const BY_NAME = new Map<string, AssumptionDef>(ASSUMPTION_DEFS.map((d) => [d.name, d]));
export const assumptionDef = (name: string): AssumptionDef | undefined => BY_NAME.get(name);
export const isAssumptionName = (name: string): name is AssumptionName => BY_NAME.has(name);

export const DEFAULT_ASSUMPTIONS: Assumptions = Object.freeze(
  Object.fromEntries(ASSUMPTION_DEFS.map((d) => [d.name, d.default])) as unknown as Assumptions,
);

/** "a boolean", "one of keyword, code", … for messages. */
export const describeType = (t: AssumptionType): string => {
  switch (t.kind) {
    case 'boolean': return 'true or false';
    case 'number': return `a number from ${t.min} to ${t.max}`;
    case 'enum': return `one of ${t.values.join(', ')}`;
    case 'string-list': return 'a list of words';
    default: return assertNever(t);
  }
};

export const assertNever = (x: never): never => {
  throw new Error(`unexpected value ${JSON.stringify(x)}`);
};
