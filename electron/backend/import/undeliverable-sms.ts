/** `_UndeliverableSms`: numbers held as undeliverable; the hold date column is HoldDate or LastBounceDate. */
import type { FormatSpec } from './format';

export const undeliverableSms: FormatSpec = {
  id: 'undeliverable-sms',
  label: '_UndeliverableSms',
  table: 'undeliverable',
  columns: [
    { key: 'mobileNumber', names: ['MobileNumber'], required: true },
    { key: 'undeliverable', names: ['Undeliverable'], required: true },
    { key: 'bounceCount', names: ['BounceCount'] },
    { key: 'firstBounceDate', names: ['FirstBounceDate'] },
    { key: 'holdDate', names: ['HoldDate'] },
    { key: 'lastBounceDate', names: ['LastBounceDate'] },
  ],
  requireOneOf: [['holdDate', 'lastBounceDate']],
  mapRow: (r) => {
    const holdKey = r.ix.has('holdDate') ? 'holdDate' : 'lastBounceDate';
    const row = [
      r.sourceId, r.line, r.number('mobileNumber'), r.numberRaw('mobileNumber'), r.flag('undeliverable'), r.text('bounceCount'),
      r.date('firstBounceDate'), r.dateRaw('firstBounceDate'), r.date(holdKey), r.dateRaw(holdKey), r.ix.name(holdKey), r.extras(),
    ];
    return r.failed ? null : row;
  },
};
