/** Header-based format detection (with a manual override) over the format registry. */
import { contactBuilderSubscriptions } from './contact-builder-subscriptions';
import { ColumnIndex, type FormatId, type FormatSpec } from './format';
import { keywordDictionary } from './keyword-dictionary';
import { mobileAddress } from './mobile-address';
import { mobileSubscription } from './mobile-subscription';
import { mobileconnectImportFile } from './mobileconnect-import-file';
import { smsMessageTracking } from './sms-message-tracking';
import { smsSubscriptionLog } from './sms-subscription-log';
import { CsvFileError } from './text-decode';
import { undeliverableSms } from './undeliverable-sms';

export const FORMATS: readonly FormatSpec[] = [
  smsSubscriptionLog, mobileSubscription, mobileAddress, smsMessageTracking,
  undeliverableSms, contactBuilderSubscriptions, mobileconnectImportFile, keywordDictionary,
];

export const formatById = (id: FormatId): FormatSpec => FORMATS.find((f) => f.id === id)!;

export type Detection =
  | { readonly ok: true; readonly format: FormatSpec; readonly index: ColumnIndex }
  | { readonly ok: false; readonly error: CsvFileError };

/**
 * The format whose required columns are all present and that recognises the most header columns
 * wins (so `_SMSSubscriptionLog`, with LogDate, beats `_MobileSubscription`). A format that lacks a
 * required column but recognises MORE columns than that winner is what the file really is: its
 * missing columns are named rather than loading it as the wrong export. With an override, only that
 * format is tried and its missing required columns are named.
 */
export function detectFormat(header: readonly string[], override?: FormatId): Detection {
  const candidates = override ? [formatById(override)] : FORMATS;
  let best: { format: FormatSpec; index: ColumnIndex } | undefined;
  let closest: { format: FormatSpec; index: ColumnIndex; missing: string[] } | undefined;
  for (const format of candidates) {
    const index = new ColumnIndex(format, header);
    const missing = index.missing();
    if (missing.length === 0) {
      if (!best || index.matchedCount() > best.index.matchedCount()) best = { format, index };
      continue;
    }
    // Only a file that has most of a format's required columns "looks like" it.
    const required = format.columns.filter((c) => c.required).length + (format.requireOneOf?.length ?? 0);
    const plausible = override !== undefined || missing.length * 2 <= required;
    if (plausible && (!closest || index.matchedCount() > closest.index.matchedCount())) closest = { format, index, missing };
  }
  if (best && !(closest && closest.index.matchedCount() > best.index.matchedCount())) return { ok: true, ...best };
  if (closest) {
    return {
      ok: false,
      error: new CsvFileError(
        'missing-columns',
        `The file looks like ${closest.format.label} but is missing required column${closest.missing.length > 1 ? 's' : ''}: ${closest.missing.join(', ')}.`,
      ),
    };
  }
  return {
    ok: false,
    error: new CsvFileError(
      'unknown-format',
      `Unrecognised export: the header (${header.slice(0, 6).join(', ')}${header.length > 6 ? ', …' : ''}) matches none of: ${FORMATS.map((f) => f.label).join(', ')}.`,
    ),
  };
}
