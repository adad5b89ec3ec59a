/**
 * A MobileConnect import file (what the analyst imported). The keyword is chosen in the import
 * definition, not the file, so `Keyword` is optional here; rows without it cannot become events alone.
 */
import type { FormatSpec } from './format';

const STATUSES = new Set(['active', 'unsubscribe']);

export const mobileconnectImportFile: FormatSpec = {
  id: 'mobileconnect-import-file',
  label: 'MobileConnect import file',
  table: 'import_rows',
  columns: [
    { key: 'mobileNumber', names: ['MobileNumber'], required: true },
    { key: 'locale', names: ['Locale'], required: true },
    { key: 'contactKey', names: ['ContactKey', 'SubscriberKey'] },
    { key: 'status', names: ['Status'], required: true },
    { key: 'keyword', names: ['Keyword'] },
  ],
  mapRow: (r) => {
    const status = r.raw('status').trim();
    if (status !== '' && !STATUSES.has(status.toLowerCase())) r.fail('status', status, 'status-unknown', `_Status must be Active or Unsubscribe, got "${status}"`);
    const row = [r.sourceId, r.line, r.number('mobileNumber'), r.numberRaw('mobileNumber'), r.text('locale'), r.text('contactKey'), status || null, r.text('keyword'), r.extras()];
    return r.failed ? null : row;
  },
};
