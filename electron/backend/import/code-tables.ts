/**
 * MobileConnect status/method code tables (rules.md §5, community-documented) as data, in ONE place
 * for the importers and history reconstruction. The rules engine keeps its own copy in shared/rules;
 * the two are to be merged into shared/rules when the engine lands.
 */
import type { SubscriptionStatus } from '../../../shared/model/status';

export const OPT_IN_STATUS: Readonly<Record<string, string>> = {
  '0': 'NotOptedIn', '1': 'OptInPending', '2': 'OptedIn',
  '10': 'NotOptedIn (deleting)', '11': 'OptInPending (deleting)', '12': 'OptedIn (deleting)',
};
export const OPT_OUT_STATUS: Readonly<Record<string, string>> = { '0': 'NotOptedOut', '1': 'OptedOut', '10': 'NotOptedOut (deleting)', '11': 'OptedOut (deleting)' };
export const OPT_IN_METHOD: Readonly<Record<string, string>> = {
  '0': 'Unspecified', '1': 'WebCollect', '2': 'API', '4': 'Import', '6': 'Application', '12': 'Mobile Opt-In',
};
/** Empty/NULL opt-out method = the subscriber texted an opt-out keyword. */
export const OPT_OUT_METHOD: Readonly<Record<string, string>> = { '4': 'Import', '6': 'Application', '14': 'MobileOriginated', '15': 'Suppression' };
export const SUBSCRIPTION_SOURCE: Readonly<Record<string, string>> = { '2': 'API', '4': 'Import', '6': 'Application', '10': 'CustomObject', '12': 'MobileOptIn' };
export const CONTACT_STATUS: Readonly<Record<string, 'Active' | 'Inactive' | 'Deleted'>> = { '1': 'Active', '2': 'Inactive', '3': 'Deleted' };

export type CodeTableName = 'optInStatus' | 'optOutStatus' | 'optInMethod' | 'optOutMethod' | 'source' | 'contactStatus';
export const CODE_TABLES: Readonly<Record<CodeTableName, Readonly<Record<string, string>>>> = {
  optInStatus: OPT_IN_STATUS,
  optOutStatus: OPT_OUT_STATUS,
  optInMethod: OPT_IN_METHOD,
  optOutMethod: OPT_OUT_METHOD,
  source: SUBSCRIPTION_SOURCE,
  contactStatus: CONTACT_STATUS,
};

/**
 * Contact Builder exports show names, not ids: map them back (case/space-insensitive) so both
 * current-state exports share one representation.
 */
const byName = (table: Readonly<Record<string, string>>, extra: Record<string, string> = {}): Map<string, string> => {
  const m = new Map<string, string>();
  for (const [id, name] of Object.entries(table)) m.set(name.toLowerCase().replace(/[^a-z]/g, ''), id);
  for (const [name, id] of Object.entries(extra)) m.set(name, id);
  return m;
};
export const OPT_IN_STATUS_BY_NAME = byName(OPT_IN_STATUS, { optedin: '2', pending: '1', notoptedin: '0' });
export const OPT_OUT_STATUS_BY_NAME = byName(OPT_OUT_STATUS, { optedout: '1', notoptedout: '0' });
export const OPT_IN_METHOD_BY_NAME = byName(OPT_IN_METHOD, { mobileoptin: '12', application: '6', ui: '6' });
export const OPT_OUT_METHOD_BY_NAME = byName(OPT_OUT_METHOD, { mobileoriginated: '14', application: '6', ui: '6' });

/** Combined status (rules.md §1) from the two MobileConnect fields; undefined when ids are unknown. */
export function combinedStatus(optInStatusId: string | null, optOutStatusId: string | null): Exclude<SubscriptionStatus, 'None'> | undefined {
  const out = optOutStatusId === '1' || optOutStatusId === '11';
  if (out) return 'OptedOut';
  if (optOutStatusId !== null && optOutStatusId !== '' && optOutStatusId !== '0' && optOutStatusId !== '10') return undefined;
  switch (optInStatusId) {
    case '2':
    case '12':
      return 'OptedIn';
    case '1':
    case '11':
      return 'OptInPending';
    case '0':
    case '10':
    case null:
    case '':
      return 'NotOptedIn';
    default:
      return undefined;
  }
}

/** Global STOP words (rules.md STOP-CODE-WIDE, current help list), for gap detection only. */
export const STOP_WORDS: readonly string[] = ['STOP', 'QUIT', 'CANCEL', 'END', 'UNSUBSCRIBE', 'REVOKE', 'OPT OUT', 'TERMINATE'];
