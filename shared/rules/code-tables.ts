/**
 * MobileConnect status and method ids (rules.md §5, community-documented) and the mapping between the
 * two status fields and the combined subscription status (rules.md §1). The loaders use these.
 */
import type { ContactStatus, SubscriptionStatus } from '../model';

export interface CodeEntry {
  readonly id: number;
  readonly name: string;
  /** The 10/11/12 variants: the row is being deleted. */
  readonly deleting?: boolean;
}

export const OPT_IN_STATUS: readonly CodeEntry[] = [
  { id: 0, name: 'NotOptedIn' },
  { id: 1, name: 'OptInPending' },
  { id: 2, name: 'OptedIn' },
  { id: 10, name: 'NotOptedIn', deleting: true },
  { id: 11, name: 'OptInPending', deleting: true },
  { id: 12, name: 'OptedIn', deleting: true },
];

export const OPT_OUT_STATUS: readonly CodeEntry[] = [
  { id: 0, name: 'NotOptedOut' },
  { id: 1, name: 'OptedOut' },
  { id: 10, name: 'NotOptedOut', deleting: true },
  { id: 11, name: 'OptedOut', deleting: true },
];

/** A NULL OptOutMethodID means the subscriber texted an opt-out keyword. */
export const OPT_OUT_METHOD: readonly CodeEntry[] = [
  { id: 4, name: 'Import' },
  { id: 6, name: 'Application' },
  { id: 14, name: 'MobileOriginated' },
  { id: 15, name: 'Suppression' },
];
export const OPT_OUT_METHOD_NULL = 'OptOutKeyword';

export const OPT_IN_METHOD: readonly CodeEntry[] = [
  { id: 0, name: 'Unspecified' },
  { id: 1, name: 'WebCollect' },
  { id: 2, name: 'API' },
  { id: 4, name: 'Import' },
  { id: 6, name: 'Application' },
  { id: 12, name: 'MobileOptIn' },
];

export const SUBSCRIPTION_SOURCE: readonly CodeEntry[] = [
  { id: 2, name: 'API' },
  { id: 4, name: 'Import' },
  { id: 6, name: 'Application' },
  { id: 10, name: 'CustomObject' },
  { id: 12, name: 'MobileOptIn' },
];

/** Demographics `_Status`. */
export const CONTACT_STATUS_IDS: Readonly<Record<ContactStatus, number>> = { Active: 1, Inactive: 2, Deleted: 3 };

export const lookupCode = (table: readonly CodeEntry[], id: number): CodeEntry | undefined => table.find((e) => e.id === id);

/** Combined status → (OptInStatusID, OptOutStatusID), rules.md §1; `None` has no row. */
export const STATUS_IDS: Readonly<Record<Exclude<SubscriptionStatus, 'None'>, { readonly optIn: number; readonly optOut: number }>> = {
  NotOptedIn: { optIn: 0, optOut: 0 },
  OptInPending: { optIn: 1, optOut: 0 },
  OptedIn: { optIn: 2, optOut: 0 },
  OptedOut: { optIn: 0, optOut: 1 },
};

export type CombinedStatusResult =
  | { readonly ok: true; readonly status: Exclude<SubscriptionStatus, 'None'>; readonly deleting: boolean }
  | { readonly ok: false; readonly message: string };

/**
 * (OptInStatusID, OptOutStatusID) → combined status. An opt-out wins over any opt-in value: the
 * platform keeps the opt-in field as it was when a subscriber opts out, and pending counts as out.
 */
export const combinedStatus = (optInStatusId: number, optOutStatusId: number): CombinedStatusResult => {
  const optIn = lookupCode(OPT_IN_STATUS, optInStatusId);
  const optOut = lookupCode(OPT_OUT_STATUS, optOutStatusId);
  if (!optIn) return { ok: false, message: `unknown OptInStatusID ${optInStatusId} (known: ${OPT_IN_STATUS.map((e) => e.id).join(', ')})` };
  if (!optOut) return { ok: false, message: `unknown OptOutStatusID ${optOutStatusId} (known: ${OPT_OUT_STATUS.map((e) => e.id).join(', ')})` };
  const deleting = optIn.deleting === true || optOut.deleting === true;
  if (optOut.name === 'OptedOut') return { ok: true, status: 'OptedOut', deleting };
  return { ok: true, status: optIn.name as 'NotOptedIn' | 'OptInPending' | 'OptedIn', deleting };
};

export const contactStatusFromId = (id: number): ContactStatus | undefined =>
  (Object.keys(CONTACT_STATUS_IDS) as ContactStatus[]).find((k) => CONTACT_STATUS_IDS[k] === id);
