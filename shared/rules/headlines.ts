/** Decision headlines about a subscription or contact, shared per keyword, code and status ('full' mode). */
import type { ContactStatus, SubscriptionStatus } from '../model';
import { flat } from './explain-text';
import { memo2, text1 } from './text-cache';

const STATUS_INDEX: Readonly<Record<SubscriptionStatus, number>> = { None: 0, NotOptedIn: 1, OptInPending: 2, OptedIn: 3, OptedOut: 4 };

/** The headlines of one keyword on one code, built as needed: [0, 5) a change to a status, [5, 10) staying in it. */
const HEADLINES = memo2((_keyword: string, _code: string): string[] => new Array<string>(10));

/** "Opted in to JOIN on 12345", "JOIN on 12345 stays OptedOut": shared texts. */
export const headlineFor = (from: SubscriptionStatus, to: SubscriptionStatus, keyword: string, code: string): string => {
  const texts = HEADLINES(keyword, code);
  const i = STATUS_INDEX[to] + (from === to ? 5 : 0);
  return (texts[i] ??= flat(buildHeadline(from, to, keyword, code)));
};

const buildHeadline = (from: SubscriptionStatus, to: SubscriptionStatus, keyword: string, code: string): string => {
  if (from === to) return `${keyword} on ${code} stays ${to}`;
  switch (to) {
    case 'OptedOut': return `Opted out of ${keyword} on ${code}`;
    case 'OptedIn': return `Opted in to ${keyword} on ${code}`;
    case 'OptInPending': return `${keyword} on ${code} is now opt-in pending`;
    case 'NotOptedIn': return `${keyword} on ${code} is now not opted in`;
    case 'None': return `${keyword} on ${code} removed`;
  }
};

/** "JOIN on 12345 stays OptedOut". */
export const stays = (keyword: string, code: string, status: SubscriptionStatus): string => headlineFor(status, status, keyword, code);

const CONTACT_STAYS = text1((to: ContactStatus) => `Contact stays ${to}`);
const CONTACT_CREATED = text1((to: ContactStatus) => `Contact created ${to}`);
const CONTACT_SET = text1((to: ContactStatus) => `Contact set ${to}`);

/** "Contact created Active", "Contact set Inactive", "Contact stays Active". */
export const contactHeadline = (from: ContactStatus | undefined, to: ContactStatus): string =>
  (from === to ? CONTACT_STAYS(to) : from === undefined ? CONTACT_CREATED(to) : CONTACT_SET(to));
