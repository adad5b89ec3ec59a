/** Short and long codes with their keywords (rules.md §1; scenario-format.md `codes`). */
export const KEYWORD_KINDS = ['opt-in', 'outbound', 'stop', 'help'] as const;
export type KeywordKind = (typeof KEYWORD_KINDS)[number];

export const OPT_IN_TEMPLATES = ['single', 'double', 'age'] as const;
export type OptInTemplate = (typeof OPT_IN_TEMPLATES)[number];

export const CODE_TYPES = ['short', 'long'] as const;
export type CodeType = (typeof CODE_TYPES)[number];

export interface KeywordDef {
  readonly keyword: string;
  readonly kind: KeywordKind;
  /** Present for `opt-in` keywords only. */
  readonly optIn?: OptInTemplate;
  /** Double opt-in: first words that confirm (default Y, YES). */
  readonly validResponses?: readonly string[];
  /** Double / age opt-in: conversation window; falls back to the rulebook's `doubleOptInWindowHours`. */
  readonly windowHours?: number;
  /** Age-verified opt-in: the minimum age that opts in. */
  readonly minimumAge?: number;
  /** MobileConnect SubscriptionDefinitionID / KeywordID when known (from exports). */
  readonly guid?: string;
}

export interface CodeDef {
  readonly code: string;
  readonly type: CodeType;
  readonly country: string;
  readonly keywords: readonly KeywordDef[];
  /** MobileConnect CodeID when known (from exports). */
  readonly guid?: string;
}
