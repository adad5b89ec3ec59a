/** Request/result shapes of the analyst's desktop methods (workspace, load, search, explain, rulebook). */
import type { Scenario, SubscriptionStatus, Verdict } from '../model';

/** The loader's export formats (electron/backend/import/format.ts FORMAT_IDS; kept equal by a compile-time check there). */
export const EXPORT_FORMATS = [
  'sms-subscription-log', 'mobile-subscription', 'mobile-address', 'sms-message-tracking',
  'undeliverable-sms', 'contact-builder-subscriptions', 'mobileconnect-import-file', 'keyword-dictionary',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface PickedFile {
  readonly id: string;
  readonly fileName: string;
  readonly sizeBytes: number;
  /** null when the header matches no known export. */
  readonly detected: ExportFormat | null;
  readonly header: readonly string[];
  readonly preview: readonly (readonly string[])[];
}
export interface PickResult {
  /** null when the dialog was cancelled. */
  readonly token: string | null;
  readonly files: readonly PickedFile[];
}

export interface LoadRequest {
  readonly token: string;
  readonly files: readonly { readonly id: string; readonly format?: ExportFormat }[];
}
export interface LoadedFile {
  readonly fileName: string;
  readonly format: ExportFormat | null;
  readonly status: 'loaded' | 'nothing-loaded' | 'failed' | 'cancelled' | 'skipped';
  /** Why the file as a whole failed or loaded nothing. */
  readonly message?: string;
  readonly warnings: number;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
  readonly sha256: string;
}
export interface LoadOutcome {
  readonly status: 'loaded' | 'nothing-loaded' | 'cancelled' | 'failed';
  readonly message: string;
  readonly files: readonly LoadedFile[];
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
  readonly seconds: number;
}
export interface LoadProgress {
  readonly fileName: string;
  readonly rows: number;
  readonly bytes: number;
  readonly totalBytes: number;
  readonly rowsPerSecond: number;
  readonly etaSeconds: number;
}

export interface LoadError {
  readonly fileName: string;
  /** 'error': the row was rejected; 'warning': loaded, but a value is doubtful (e.g. 10-digit number). */
  readonly severity: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly reason: string;
}
export interface LoadErrorsPage {
  readonly total: number;
  readonly rejected: number;
  readonly rows: readonly LoadError[];
}

export const CONTACT_SORTS = ['number', 'code', 'keyword', 'status', 'verdict'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

export interface ContactQuery {
  readonly query?: string;
  readonly code?: string;
  readonly keyword?: string;
  readonly status?: Exclude<SubscriptionStatus, 'None'>;
  readonly verdict?: Verdict;
  readonly sort?: ContactSort;
  readonly descending?: boolean;
  /** Keyset cursor from the previous page (opaque). */
  readonly after?: string;
  /** Plain offset, for jumping in a virtual list; ignored when `after` is given. */
  readonly offset?: number;
  readonly limit: number;
  /** Skip the count (next pages of the same query). */
  readonly withTotal?: boolean;
}
export interface ContactRow {
  readonly id: number;
  readonly mobileNumber: string;
  readonly code: string;
  readonly keyword: string;
  readonly status: SubscriptionStatus;
  readonly verdict: Verdict;
}
export interface ContactPage {
  readonly total: number | null;
  readonly rows: readonly ContactRow[];
  readonly next: string | null;
  readonly tookMs: number;
}
export interface ContactFacets {
  readonly codes: readonly string[];
  readonly keywords: readonly string[];
}

export interface Evidence {
  readonly file: string;
  readonly line: number;
  readonly sha256: string;
}
export interface DecidingEvent {
  readonly id: string;
  readonly type: string;
  readonly summary: string;
  readonly atUtc: string;
  readonly atCst: string;
}
export interface KeywordExplanation {
  readonly keyword: string;
  readonly status: SubscriptionStatus;
  readonly ruleId: string;
  readonly ruleTitle: string;
  readonly article: string;
  readonly reason: string;
  readonly event: DecidingEvent | null;
  readonly evidence: readonly Evidence[];
  readonly assumptions: readonly string[];
}
export interface CodeExplanation {
  readonly code: string;
  readonly verdict: Verdict;
  readonly sentence: string;
  readonly ruleIds: readonly string[];
  readonly assumptions: readonly string[];
  readonly keywords: readonly KeywordExplanation[];
}
export interface Discrepancy {
  readonly code: string;
  readonly keyword: string;
  readonly replayed: SubscriptionStatus;
  readonly exported: SubscriptionStatus;
  readonly evidence: Evidence;
}
export interface Explanation {
  readonly mobileNumber: string;
  readonly rulebookId: string;
  readonly assumptionValues: Readonly<Record<string, unknown>>;
  readonly codes: readonly CodeExplanation[];
  readonly gaps: readonly { readonly kind: string; readonly reason: string; readonly code?: string }[];
  readonly discrepancies: readonly Discrepancy[];
  readonly flags: readonly { readonly flag: string; readonly reason: string }[];
  readonly eventCount: number;
  readonly tookMs: number;
}

export interface RuleEntry {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly basis: string;
  readonly sources: readonly { readonly id: string; readonly title: string; readonly cite: string }[];
  readonly assumptions: readonly string[];
}
export interface AssumptionEntry {
  readonly name: string;
  readonly kind: 'boolean' | 'number' | 'enum' | 'string-list';
  readonly values?: readonly string[];
  readonly default: unknown;
  readonly current: unknown;
  readonly description: string;
  /** Where sources disagree or are silent. */
  readonly conflicts: string;
  readonly sources: readonly string[];
}
export interface RulebookView {
  readonly id: string;
  readonly preset: string;
  readonly rules: readonly RuleEntry[];
  readonly assumptions: readonly AssumptionEntry[];
}

export type ScenarioDocument = Scenario;

export interface SaveResult {
  /** null when the dialog was cancelled. */
  readonly path: string | null;
  readonly name: string;
}

export const EXPORT_FORMAT_TITLES: Readonly<Record<ExportFormat, string>> = {
  'sms-subscription-log': '_SMSSubscriptionLog',
  'mobile-subscription': '_MobileSubscription',
  'mobile-address': '_MobileAddress',
  'sms-message-tracking': '_SMSMessageTracking',
  'undeliverable-sms': '_UndeliverableSms',
  'contact-builder-subscriptions': 'Contact Builder MobileConnect Subscriptions',
  'mobileconnect-import-file': 'MobileConnect import file',
  'keyword-dictionary': 'Keyword dictionary',
};
