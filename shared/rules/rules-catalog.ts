/** What each rule and flag means, where it comes from, and which assumptions it may rely on. */
import type { AssumptionName } from './assumptions';
import type { FlagId, RuleId } from './rule-ids';
import type { SourceId } from './sources';

export interface RuleInfo {
  readonly id: RuleId;
  readonly title: string;
  readonly description: string;
  readonly sources: readonly SourceId[];
  /** `confirmed`: stated by a Salesforce source; `assumption`: depends on a rulebook setting. */
  readonly basis: 'confirmed' | 'assumption' | 'engine';
  readonly assumptions: readonly AssumptionName[];
}

type Row = Omit<RuleInfo, 'id'>;
const r = (title: string, description: string, sources: readonly SourceId[], basis: RuleInfo['basis'], assumptions: readonly AssumptionName[] = []): Row =>
  ({ title, description, sources, basis, assumptions });

const KA = 'KA-000381673' as const;

export const RULES: Readonly<Record<RuleId, RuleInfo>> = withIds({
  'MO-FIRST-WORD': r('Keyword is the first word', 'The keyword of an inbound text is its first word; case and surrounding spaces are ignored and multi-word STOP phrases match the leading words.', ['HELP-STOP-KEYWORDS', 'AMPSCRIPT-MSG'], 'assumption', ['keywordCaseInsensitive', 'multiWordStop']),
  'STOP-CODE-WIDE': r('STOP opts out of the whole code', 'A global STOP word opts the number out of every keyword on that code, and of no other code.', [KA, 'HELP-STOP-KEYWORDS', 'SE-399024'], 'confirmed', ['stopWords']),
  'STOP-CUSTOM': r('Custom STOP keyword', 'A custom STOP keyword defined on the code acts like a global STOP word on that code.', ['HELP-STOP-KEYWORDS'], 'assumption', ['customStopCodeWide']),
  'IMPORT-UNSUBSCRIBE': r('Import with Unsubscribe status', 'An import row with status Unsubscribe opts out the imported keyword and makes the contact Inactive.', ['KA-000388781', KA], 'confirmed', ['importUnsubscribeScope']),
  'UI-OPT-OUT': r('Manual opt-out', 'An opt-out made by hand in the MobileConnect UI sets the keyword OptedOut.', [KA], 'confirmed'),
  'API-OPT-OUT': r('Opt-out through queueMO', 'A STOP word sent through REST queueMO is treated as if the handset had sent it; STOP-CODE-WIDE then applies.', ['DEV-QUEUEMO', KA], 'confirmed'),
  'TEMPLATE-SINGLE': r('Single opt-in', 'Texting a single opt-in keyword sets it OptedIn.', ['HELP-OPT-IN-TEMPLATES'], 'confirmed'),
  'TEMPLATE-DOUBLE-START': r('Double opt-in started', 'Texting a double opt-in keyword sets it OptInPending and opens the confirmation window.', [KA], 'confirmed', ['doubleOptInWindowHours']),
  'TEMPLATE-DOUBLE-CONFIRM': r('Double opt-in confirmed', 'A valid response (Y, YES by default) while the window is open sets the keyword OptedIn.', [KA], 'confirmed', ['doubleOptInWindowHours']),
  'TEMPLATE-DOUBLE-EXPIRED': r('Double opt-in expired', 'After the window closes the subscription stays OptInPending (treated as opted out) and a late reply does nothing.', [KA], 'confirmed', ['doubleOptInWindowHours']),
  'TEMPLATE-AGE': r('Age-verified opt-in', 'Like double opt-in; a reply with an age at or above the minimum opts in, a lower age leaves the keyword NotOptedIn.', ['DEV-OPTIN', 'HELP-OPT-IN-TEMPLATES'], 'confirmed', ['doubleOptInWindowHours']),
  'TEMPLATE-AFTER-STOP': r('Opt-in keyword after opting out', 'Texting an opt-in keyword after opting out of it restarts its opt-in flow: the subscriber\'s own new consent.', [], 'assumption', ['reoptInByKeyword']),
  'TEMPLATE-DUPLICATE': r('Already opted in', 'Texting the keyword of an OptedIn subscription changes nothing.', ['HELP-OPT-IN-TEMPLATES'], 'confirmed'),
  'IMPORT-NEW-KEYWORD': r('Import into a new keyword', 'An import into a keyword the number was never subscribed to creates it OptedIn, even after a STOP on other keywords of the code.', [KA], 'confirmed'),
  'IMPORT-NO-REOPTIN': r('Import never re-opts in', 'An import never turns an OptedOut subscription into OptedIn; an import into OptedIn or OptInPending leaves it unchanged.', [KA], 'confirmed', ['importKeepsExisting']),
  'IMPORT-ACTIVE': r('Import with Active status', 'An import row with status Active makes the contact Active but does not change an OptedOut subscription.', [KA], 'confirmed'),
  'UI-OPT-IN': r('Manual opt-in', 'An opt-in made by hand in the MobileConnect UI sets the keyword OptedIn from any state.', [KA], 'confirmed'),
  'API-SUBSCRIBE': r('messageContact subscribe', 'messageContact with subscribe=true creates the keyword\'s subscription OptedIn when there is none; an OptedOut one stays opted out and the send is skipped.', ['DEV-MESSAGECONTACT'], 'confirmed'),
  'API-RESUBSCRIBE': r('messageContact resubscribe', 'messageContact with resubscribe=true turns an OptedOut subscription OptedIn.', ['DEV-MESSAGECONTACT'], 'confirmed'),
  'API-KEYWORD-REQUIRED': r('messageContact needs a keyword', 'subscribe or resubscribe without a keyword of the code is rejected by the platform; nothing changes.', ['DEV-MESSAGECONTACT'], 'confirmed'),
  'JOURNEY-CREATE-ONLY': r('Journey "subscribe all" creates only', 'A Journey Builder SMS activity with subscribe all creates a missing subscription OptedIn but never re-opts in an OptedOut one; subscribed only skips numbers that are not sendable.', [KA, 'KA-005263979'], 'assumption', ['journeyResubscribes']),
  'OUTBOUND-DE': r('Outbound send to a Data Extension', 'An Outbound send with subscribe all opts in like a Journey: it creates missing subscriptions but does not re-opt in.', [KA], 'assumption', ['outboundResubscribes']),
  'HELP': r('HELP keyword', 'A HELP keyword changes nothing.', ['HELP-STOP-KEYWORDS'], 'confirmed'),
  'UNKNOWN-KEYWORD': r('Unknown keyword', 'A text whose first word is no keyword of the code changes nothing; opt-out wording raises NONKEYWORD-OPTOUT.', ['HELP-STOP-KEYWORDS', 'FCC-24-24'], 'confirmed'),
  'SEND-CHECK': r('Sendable at the time of a send', 'Every sending event records whether the number was sendable on the code at that moment, and why.', [KA], 'assumption', ['inactiveBlocksSend', 'undeliverableBlocksSend']),
  'API-CONTACT': r('Contacts API', 'The Contacts REST API creates or updates the contact (Demographics) status; subscriptions are unchanged.', ['HELP-DEMOGRAPHICS'], 'confirmed'),
  'EVENT-SKIPPED': r('Skipped event', 'The event is kept in the timeline but left out of the replay (simulator).', [], 'engine'),
  'INITIAL-STATE': r('Starting state', 'The status comes from the scenario\'s starting state, not from a replayed event.', [], 'engine'),
  'SENDABILITY': r('Sendable on a code', 'A number is sendable on a code when at least one keyword there is OptedIn (OptInPending never counts), the contact is not Inactive and the number is not undeliverable.', [KA], 'confirmed', ['inactiveBlocksSend', 'undeliverableBlocksSend']),
  'EVIDENCE-GAP': r('Gap in the evidence', 'The evidence cannot decide (an unmapped keyword id, a log gap, …): the verdict is unknown.', ['HELP-SUBSCRIPTION-LOG'], 'engine'),
});

export interface FlagInfo {
  readonly id: FlagId;
  readonly title: string;
  readonly description: string;
  readonly sources: readonly SourceId[];
}

export const FLAGS: Readonly<Record<FlagId, FlagInfo>> = {
  'REOPTIN-AFTER-STOP': { id: 'REOPTIN-AFTER-STOP', title: 'Re-opted in after an opt-out', description: 'The number became sendable again on a code it had opted out of, without the subscriber\'s own new opt-in.', sources: [KA] },
  'NONKEYWORD-OPTOUT': { id: 'NONKEYWORD-OPTOUT', title: 'Opt-out request in plain words', description: 'The subscriber asked to stop in words that are not a STOP keyword; consent may be revoked by any reasonable means.', sources: ['FCC-24-24'] },
  'SENT-WHILE-BLOCKED': { id: 'SENT-WHILE-BLOCKED', title: 'Delivered while not sendable', description: 'A message was delivered to a number that was not sendable on the code at that moment.', sources: [KA] },
  'PENDING-TREATED-AS-OPTED-IN': { id: 'PENDING-TREATED-AS-OPTED-IN', title: 'Pending treated as opted in', description: 'A message was delivered to a number whose subscription was only OptInPending (pending counts as opted out).', sources: [KA] },
  'IMPORT-WITHOUT-CONSENT': { id: 'IMPORT-WITHOUT-CONSENT', title: 'Import without recorded consent', description: 'An import row was marked as having no consent behind it.', sources: [KA] },
  'OTHER-CODE-STILL-SENDING': { id: 'OTHER-CODE-STILL-SENDING', title: 'Still sendable on another code', description: 'The number opted out on one code but is still sendable on another code of the account.', sources: ['HELP-STOP-KEYWORDS', 'FCC-24-24'] },
  'LATE-OPTOUT-HONOURED': { id: 'LATE-OPTOUT-HONOURED', title: 'Revocation not honoured in time', description: 'A message was sent more than 10 business days after the subscriber revoked consent in plain words.', sources: ['FCC-24-24'] },
};

function withIds(rows: Readonly<Record<RuleId, Row>>): Readonly<Record<RuleId, RuleInfo>> {
  const out = {} as Record<RuleId, RuleInfo>;
  for (const id of Object.keys(rows) as RuleId[]) out[id] = Object.freeze({ id, ...rows[id] });
  return Object.freeze(out);
}
