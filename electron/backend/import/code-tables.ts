/**
 * The MobileConnect code tables as the importers read them (string ids from CSV text). The facts live
 * once, in shared/rules/code-tables.ts and shared/rules/assumptions.ts; this module only re-keys them.
 */
import type { SubscriptionStatus } from '../../../shared/model/status';
import { STOP_WORDS_2025, STOP_WORDS_LEGACY } from '../../../shared/rules/assumptions';
import {
  combinedStatus as combinedFromIds,
  CONTACT_STATUS_IDS,
  OPT_IN_METHOD as OPT_IN_METHODS,
  OPT_IN_STATUS as OPT_IN_STATUSES,
  OPT_OUT_METHOD as OPT_OUT_METHODS,
  OPT_OUT_STATUS as OPT_OUT_STATUSES,
  SUBSCRIPTION_SOURCE as SOURCES,
  type CodeEntry,
} from '../../../shared/rules/code-tables';

const byId = (table: readonly CodeEntry[]): Readonly<Record<string, string>> =>
  Object.fromEntries(table.map((e) => [String(e.id), e.deleting ? `${e.name} (deleting)` : e.name]));

export const OPT_IN_STATUS = byId(OPT_IN_STATUSES);
export const OPT_OUT_STATUS = byId(OPT_OUT_STATUSES);
export const OPT_IN_METHOD = byId(OPT_IN_METHODS);
/** Empty/NULL opt-out method = the subscriber texted an opt-out keyword. */
export const OPT_OUT_METHOD = byId(OPT_OUT_METHODS);
export const SUBSCRIPTION_SOURCE = byId(SOURCES);
export const CONTACT_STATUS: Readonly<Record<string, 'Active' | 'Inactive' | 'Deleted'>> = Object.fromEntries(
  Object.entries(CONTACT_STATUS_IDS).map(([name, id]) => [String(id), name as 'Active' | 'Inactive' | 'Deleted']),
);

export type CodeTableName = 'optInStatus' | 'optOutStatus' | 'optInMethod' | 'optOutMethod' | 'source' | 'contactStatus';
export const CODE_TABLES: Readonly<Record<CodeTableName, Readonly<Record<string, string>>>> = {
  optInStatus: OPT_IN_STATUS,
  optOutStatus: OPT_OUT_STATUS,
  optInMethod: OPT_IN_METHOD,
  optOutMethod: OPT_OUT_METHOD,
  source: SUBSCRIPTION_SOURCE,
  contactStatus: CONTACT_STATUS,
};

/** Per table, a flag for each known id below 256 (every id today): see isKnownCode. */
const SMALL_IDS = Object.fromEntries(
  Object.entries(CODE_TABLES).map(([table, ids]) => {
    const known = new Uint8Array(256);
    for (const id of Object.keys(ids)) if (Number(id) < 256) known[Number(id)] = 1;
    return [table, known];
  }),
) as Record<CodeTableName, Uint8Array>;

/** Whether the id `id` (0–255) is in the table: isKnownCode for a digit string without a leading zero. */
export const isKnownSmallId = (table: CodeTableName, id: number): boolean => SMALL_IDS[table][id] === 1;

/**
 * Whether `digits` (ASCII digits, as isAllDigits checks) is an id of the table, exactly as
 * `CODE_TABLES[table][digits] !== undefined`. Read as a number up to 255 without a leading zero:
 * looking up a digit string that is not an interned key cost V8 a string-to-index conversion per
 * cell, four cells a log row.
 */
export function isKnownCode(table: CodeTableName, digits: string): boolean {
  const n = digits.length;
  if (n <= 3 && (n === 1 || digits.charCodeAt(0) !== 48)) {
    let id = 0;
    for (let i = 0; i < n; i++) id = id * 10 + digits.charCodeAt(i) - 48;
    if (id < 256) return SMALL_IDS[table][id] === 1;
  }
  return CODE_TABLES[table][digits] !== undefined;
}

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

/** Combined status (rules.md §1) from the two fields as exported (empty = 0); undefined when ids are unknown. */
export function combinedStatus(optInStatusId: string | null, optOutStatusId: string | null): Exclude<SubscriptionStatus, 'None'> | undefined {
  const id = (v: string | null): number => (v === null || v === '' ? 0 : /^\d+$/.test(v) ? Number(v) : -1);
  const r = combinedFromIds(id(optInStatusId), id(optOutStatusId));
  return r.ok ? r.status : undefined;
}

/** Every global STOP word of either preset, for gap detection only (the engine applies the rulebook's list). */
export const STOP_WORDS: readonly string[] = [...new Set<string>([...STOP_WORDS_2025, ...STOP_WORDS_LEGACY])];
