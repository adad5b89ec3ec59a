/** Combined subscription status (rules.md §1); `None` means no subscription row exists. */
export const SUBSCRIPTION_STATUSES = ['None', 'NotOptedIn', 'OptInPending', 'OptedIn', 'OptedOut'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** MobileConnect Demographics contact status. */
export const CONTACT_STATUSES = ['Active', 'Inactive', 'Deleted'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** Whether a number may be sent to on a code, and how that was decided. */
export const VERDICTS = ['allowed', 'blocked-explicit', 'blocked-implicit', 'unknown'] as const;
export type Verdict = (typeof VERDICTS)[number];
