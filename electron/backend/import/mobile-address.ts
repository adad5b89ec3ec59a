/** `_MobileAddress` (MobileConnect Demographics): one contact per number, status 1/2/3. */
import type { FormatSpec } from './format';

export const mobileAddress: FormatSpec = {
  id: 'mobile-address',
  label: '_MobileAddress',
  table: 'contacts',
  columns: [
    { key: 'mobileId', names: ['MobileID'] },
    { key: 'contactId', names: ['ContactID'], required: true },
    { key: 'mobileNumber', names: ['MobileNumber'], required: true },
    { key: 'status', names: ['Status'], required: true },
    { key: 'source', names: ['Source'] },
    { key: 'priority', names: ['Priority'] },
    { key: 'channel', names: ['Channel'] },
    { key: 'carrierId', names: ['CarrierID'] },
    { key: 'countryCode', names: ['CountryCode'] },
    { key: 'createdDate', names: ['CreatedDate'] },
    { key: 'modifiedDate', names: ['ModifiedDate'] },
    { key: 'city', names: ['City'] },
    { key: 'state', names: ['State'] },
    { key: 'zipCode', names: ['ZipCode'] },
    { key: 'firstName', names: ['FirstName'] },
    { key: 'lastName', names: ['LastName'] },
    { key: 'utcOffset', names: ['UTCOffset'] },
    { key: 'isHonorDst', names: ['IsHonorDST'] },
  ],
  mapRow: (r) => {
    const row = [
      r.sourceId, r.line, r.number('mobileNumber'), r.numberRaw('mobileNumber'), r.text('mobileId'), r.text('contactId'),
      r.code('status', 'contactStatus'), r.text('source'), r.text('priority'), r.text('channel'), r.text('carrierId'), r.text('countryCode'),
      r.date('createdDate'), r.dateRaw('createdDate'), r.date('modifiedDate'), r.dateRaw('modifiedDate'),
      r.text('city'), r.text('state'), r.text('zipCode'), r.text('firstName'), r.text('lastName'), r.text('utcOffset'), r.text('isHonorDst'), r.extras(),
    ];
    return r.failed ? null : row;
  },
  bytePlan: [
    { number: 'mobileNumber' }, { text: 'mobileId' }, { text: 'contactId' }, { code: 'status', table: 'contactStatus' },
    { text: 'source' }, { text: 'priority' }, { text: 'channel' }, { text: 'carrierId' }, { text: 'countryCode' },
    { date: 'createdDate' }, { date: 'modifiedDate' },
    { text: 'city' }, { text: 'state' }, { text: 'zipCode' }, { text: 'firstName' }, { text: 'lastName' }, { text: 'utcOffset' }, { text: 'isHonorDst' },
    { extras: true },
  ],
};
