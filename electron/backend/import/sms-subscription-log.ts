/** `_SMSSubscriptionLog` data view: the subscription history (only the FIRST event per status is logged). */
import type { FormatSpec } from './format';

export const smsSubscriptionLog: FormatSpec = {
  id: 'sms-subscription-log',
  label: '_SMSSubscriptionLog',
  table: 'subscription_log',
  columns: [
    { key: 'logDate', names: ['LogDate'], required: true },
    { key: 'subscriberKey', names: ['SubscriberKey'] },
    { key: 'mobileSubscriptionId', names: ['MobileSubscriptionID'] },
    { key: 'definitionId', names: ['SubscriptionDefinitionID'], required: true },
    { key: 'mobileNumber', names: ['MobileNumber'], required: true },
    { key: 'optOutStatusId', names: ['OptOutStatusID'], required: true },
    { key: 'optOutMethodId', names: ['OptOutMethodID'], required: true },
    { key: 'optOutDate', names: ['OptOutDate'], required: true },
    { key: 'optInStatusId', names: ['OptInStatusID'], required: true },
    { key: 'optInMethodId', names: ['OptInMethodID'], required: true },
    { key: 'optInDate', names: ['OptInDate'], required: true },
    { key: 'source', names: ['Source'] },
    { key: 'createdDate', names: ['CreatedDate'] },
    { key: 'modifiedDate', names: ['ModifiedDate'] },
  ],
  mapRow: (r) => {
    const number = r.number('mobileNumber');
    const definitionId = r.text('definitionId');
    if (definitionId === null) r.fail('definitionId', '', 'value-missing', 'SubscriptionDefinitionID (keyword GUID) is empty');
    const row = [
      r.sourceId, r.line, number, r.numberRaw('mobileNumber'), definitionId, r.text('subscriberKey'), r.text('mobileSubscriptionId'),
      r.code('optInStatusId', 'optInStatus'), r.code('optInMethodId', 'optInMethod'), r.date('optInDate'), r.dateRaw('optInDate'),
      r.code('optOutStatusId', 'optOutStatus'), r.code('optOutMethodId', 'optOutMethod'), r.date('optOutDate'), r.dateRaw('optOutDate'),
      r.date('logDate'), r.dateRaw('logDate'), r.text('source'), r.date('createdDate'), r.dateRaw('createdDate'),
      r.date('modifiedDate'), r.dateRaw('modifiedDate'), r.extras(),
    ];
    return r.failed ? null : row;
  },
  bytePlan: [
    { number: 'mobileNumber' }, { text: 'definitionId', required: true }, { text: 'subscriberKey' }, { text: 'mobileSubscriptionId' },
    { code: 'optInStatusId', table: 'optInStatus' }, { code: 'optInMethodId', table: 'optInMethod' }, { date: 'optInDate' },
    { code: 'optOutStatusId', table: 'optOutStatus' }, { code: 'optOutMethodId', table: 'optOutMethod' }, { date: 'optOutDate' },
    { date: 'logDate' }, { text: 'source' }, { date: 'createdDate' }, { date: 'modifiedDate' }, { extras: true },
  ],
};
