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
 * wins (so `_SMSSubscriptionLog`, with LogDate, beats `_MobileSubscription`). With an override, that
 * format is used and its missing required columns are named.
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
    } else if (index.matchedCount() > 0 && (!closest || index.matchedCount() > closest.index.matchedCount())) {
      closest = { format, index, missing };
    }
  }
  if (best) return { ok: true, ...best };
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
