/** The `opttrace-scenario@1` document (scenario-format.md). */
import type { CodeDef } from './code';
import type { ScenarioEvent } from './event';
import type { ContactStatus, SubscriptionStatus } from './status';

export const SCENARIO_FORMAT = 'opttrace-scenario@1';

export interface RulebookRef {
  readonly preset?: string;
  /** Overrides by assumption name (rules.md); values typed per assumption. */
  readonly assumptions?: Readonly<Record<string, unknown>>;
}

export interface InitialContact {
  readonly mobileNumber: string;
  readonly status: ContactStatus;
  /** Held as undeliverable (_UndeliverableSms) at the start. */
  readonly undeliverable?: boolean;
}
export interface InitialSubscription {
  readonly mobileNumber: string;
  readonly code: string;
  readonly keyword: string;
  readonly status: Exclude<SubscriptionStatus, 'None'>;
}

export type Expectation =
  | { readonly after?: string; readonly mobileNumber: string; readonly code: string; readonly keyword: string; readonly status: SubscriptionStatus }
  | { readonly after?: string; readonly mobileNumber: string; readonly code: string; readonly sendable: boolean }
  | { readonly after?: string; readonly mobileNumber: string; readonly contactStatus: ContactStatus }
  | { readonly after?: string; readonly flag: string; readonly mobileNumber?: string; readonly present: boolean };

/**
 * Evidence that cannot decide (an unmapped keyword GUID, a log gap, several subscriber keys on one
 * number). Extension to scenario-format.md used by reconstructed histories: a gap makes the verdict of
 * its number (on `code`, or on every code when absent) `unknown`, citing `reason`.
 */
export interface Gap {
  readonly mobileNumber: string;
  readonly code?: string;
  readonly keyword?: string;
  readonly at?: string;
  readonly kind: 'unmapped-keyword' | 'log-gap' | 'stop-from-unknown-number' | 'several-subscriber-keys' | 'other';
  readonly reason: string;
  readonly evidence?: readonly import('./event').Citation[];
}

export interface Scenario {
  readonly format: typeof SCENARIO_FORMAT;
  readonly title: string;
  readonly description?: string;
  readonly rulebook?: RulebookRef;
  readonly codes: readonly CodeDef[];
  readonly initial?: {
    readonly contacts?: readonly InitialContact[];
    readonly subscriptions?: readonly InitialSubscription[];
  };
  readonly events: readonly ScenarioEvent[];
  readonly expect?: readonly Expectation[];
  readonly gaps?: readonly Gap[];
}
