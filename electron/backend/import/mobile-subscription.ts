/** `_MobileSubscription` data view: the CURRENT subscription state per (number, keyword GUID). */
import type { FormatSpec } from './format';

export const mobileSubscription: FormatSpec = {
  id: 'mobile-subscription',
  label: '_MobileSubscription',
  table: 'subscriptions',
  columns: [
    { key: 'definitionId', names: ['SubscriptionDefinitionID'], required: true },
    { key: 'mobileNumber', names: ['MobileNumber'], required: true },
    { key: 'optOutStatusId', names: ['OptOutStatusID'], required: true },
    { key: 'optOutMethodId', names: ['OptOutMethodID'] },
    { key: 'optOutDate', names: ['OptOutDate'] },
    { key: 'optInStatusId', names: ['OptInStatusID'], required: true },
    { key: 'optInMethodId', names: ['OptInMethodID'] },
    { key: 'optInDate', names: ['OptInDate'] },
    { key: 'source', names: ['Source'] },
    { key: 'createdDate', names: ['CreatedDate'] },
    { key: 'createdBy', names: ['CreatedBy'] },
    { key: 'modifiedDate', names: ['ModifiedDate'] },
    { key: 'modifiedBy', names: ['ModifiedBy'] },
  ],
  mapRow: (r) => {
    const number = r.number('mobileNumber');
    const definitionId = r.text('definitionId');
    if (definitionId === null) r.fail('definitionId', '', 'value-missing', 'SubscriptionDefinitionID (keyword GUID) is empty');
    const row = [
      r.sourceId, r.line, 'data-view', number, r.numberRaw('mobileNumber'), definitionId, null,
      r.code('optInStatusId', 'optInStatus'), r.code('optInMethodId', 'optInMethod'), r.date('optInDate'), r.dateRaw('optInDate'),
      r.code('optOutStatusId', 'optOutStatus'), r.code('optOutMethodId', 'optOutMethod'), r.date('optOutDate'), r.dateRaw('optOutDate'),
      r.text('source'), r.date('createdDate'), r.dateRaw('createdDate'), r.text('createdBy'),
      r.date('modifiedDate'), r.dateRaw('modifiedDate'), r.text('modifiedBy'), r.extras(),
    ];
    return r.failed ? null : row;
  },
  bytePlan: [
    { constant: 'data-view' }, { number: 'mobileNumber' }, { text: 'definitionId', required: true }, { constant: null },
    { code: 'optInStatusId', table: 'optInStatus' }, { code: 'optInMethodId', table: 'optInMethod' }, { date: 'optInDate' },
    { code: 'optOutStatusId', table: 'optOutStatus' }, { code: 'optOutMethodId', table: 'optOutMethod' }, { date: 'optOutDate' },
    { text: 'source' }, { date: 'createdDate' }, { text: 'createdBy' }, { date: 'modifiedDate' }, { text: 'modifiedBy' }, { extras: true },
  ],
};
