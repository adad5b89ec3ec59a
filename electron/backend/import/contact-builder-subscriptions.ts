/**
 * Contact Builder "MobileConnect Subscriptions" export: current state with keyword NAMES and status
 * NAMES. Names are mapped back to MobileConnect ids so both current-state exports compare alike.
 */
import { OPT_IN_METHOD_BY_NAME, OPT_IN_STATUS_BY_NAME, OPT_OUT_METHOD_BY_NAME, OPT_OUT_STATUS_BY_NAME } from './code-tables';
import type { FormatSpec, RowContext } from './format';

const byName = (r: RowContext, key: string, table: Map<string, string>, required: boolean): string | null => {
  const raw = r.raw(key).trim();
  if (raw === '' || raw.toUpperCase() === 'NULL') return null;
  if (/^\d+$/.test(raw)) return raw;
  const id = table.get(raw.toLowerCase().replace(/[^a-z]/g, ''));
  if (id !== undefined) return id;
  if (required) return r.fail(key, raw, 'status-unknown', `unknown ${r.ix.name(key)} "${raw}"`);
  r.warn(key, raw, 'code-unknown', `unknown ${r.ix.name(key)} "${raw}" (kept as written)`);
  return raw;
};

export const contactBuilderSubscriptions: FormatSpec = {
  id: 'contact-builder-subscriptions',
  label: 'Contact Builder MobileConnect Subscriptions',
  table: 'subscriptions',
  columns: [
    { key: 'keyword', names: ['Keyword'], required: true },
    { key: 'mobileNumber', names: ['Mobile Number'], required: true },
    { key: 'optInStatus', names: ['Opt In Status'], required: true },
    { key: 'optInMethod', names: ['Opt In Method'] },
    { key: 'optInDate', names: ['Opt In Date'] },
    { key: 'optOutStatus', names: ['Opt Out Status'], required: true },
    { key: 'optOutMethod', names: ['Opt Out Method'] },
    { key: 'optOutDate', names: ['Opt Out Date'] },
    { key: 'source', names: ['Source'] },
    { key: 'createdDate', names: ['Created Date'] },
    { key: 'modifiedDate', names: ['Modified Date'] },
  ],
  mapRow: (r) => {
    const number = r.number('mobileNumber');
    const keyword = r.raw('keyword').trim();
    if (keyword === '') r.fail('keyword', '', 'value-missing', 'Keyword is empty');
    const row = [
      r.sourceId, r.line, 'contact-builder', number, r.numberRaw('mobileNumber'), null, keyword,
      byName(r, 'optInStatus', OPT_IN_STATUS_BY_NAME, true), byName(r, 'optInMethod', OPT_IN_METHOD_BY_NAME, false), r.date('optInDate'), r.dateRaw('optInDate'),
      byName(r, 'optOutStatus', OPT_OUT_STATUS_BY_NAME, true), byName(r, 'optOutMethod', OPT_OUT_METHOD_BY_NAME, false), r.date('optOutDate'), r.dateRaw('optOutDate'),
      r.text('source'), r.date('createdDate'), r.dateRaw('createdDate'), null, r.date('modifiedDate'), r.dateRaw('modifiedDate'), null, r.extras(),
    ];
    return r.failed ? null : row;
  },
};
