/** `_SMSMessageTracking`: inbound (MO) and outbound messages; also maps keyword/code GUIDs to names. */
import type { FormatSpec } from './format';

export const smsMessageTracking: FormatSpec = {
  id: 'sms-message-tracking',
  label: '_SMSMessageTracking',
  table: 'messages',
  columns: [
    { key: 'trackingId', names: ['MobileMessageTrackingID'] },
    { key: 'mobile', names: ['Mobile', 'MobileNumber'], required: true },
    { key: 'keywordId', names: ['KeywordID'] },
    { key: 'codeId', names: ['CodeID'] },
    { key: 'sharedKeyword', names: ['SharedKeyword'] },
    { key: 'shortCode', names: ['ShortCode'] },
    { key: 'messageText', names: ['MessageText'], required: true },
    { key: 'inbound', names: ['Inbound'], required: true },
    { key: 'outbound', names: ['Outbound'], required: true },
    { key: 'sent', names: ['Sent'] },
    { key: 'delivered', names: ['Delivered'] },
    { key: 'undelivered', names: ['Undelivered'] },
    { key: 'createDate', names: ['CreateDateTime'], required: true },
    { key: 'modifiedDate', names: ['ModifiedDateTime'] },
    { key: 'actionDate', names: ['ActionDateTime'] },
    { key: 'subscriberKey', names: ['SubscriberKey'] },
    { key: 'statusCodeId', names: ['SMSStandardStatusCodeId'] },
    { key: 'description', names: ['Description'] },
    { key: 'name', names: ['Name'] },
    { key: 'jbDefinitionId', names: ['JBDefinitionID'] },
    { key: 'jbActivityId', names: ['JBActivityID'] },
    { key: 'conversationId', names: ['ConversationID'] },
  ],
  mapRow: (r) => {
    const created = r.date('createDate');
    const createdRaw = r.dateRaw('createDate');
    if (created === null && !r.failed) r.fail('createDate', '', 'value-missing', 'CreateDateTime is empty: the message cannot be placed in time');
    const row = [
      r.sourceId, r.line, r.number('mobile'), r.numberRaw('mobile'), r.text('trackingId'), r.text('keywordId'), r.text('codeId'),
      r.text('sharedKeyword'), r.text('shortCode'), r.text('messageText'),
      r.flag('inbound'), r.flag('outbound'), r.flag('sent'), r.flag('delivered'), r.flag('undelivered'),
      created, createdRaw, r.date('modifiedDate'), r.dateRaw('modifiedDate'), r.date('actionDate'), r.dateRaw('actionDate'),
      r.text('subscriberKey'), r.text('statusCodeId'), r.text('description'), r.text('name'),
      r.text('jbDefinitionId'), r.text('jbActivityId'), r.text('conversationId'), r.extras(),
    ];
    return r.failed ? null : row;
  },
  bytePlan: [
    { number: 'mobile' }, { text: 'trackingId' }, { text: 'keywordId' }, { text: 'codeId' }, { text: 'sharedKeyword' }, { text: 'shortCode' },
    { text: 'messageText' }, { flag: 'inbound' }, { flag: 'outbound' }, { flag: 'sent' }, { flag: 'delivered' }, { flag: 'undelivered' },
    { date: 'createDate', required: true }, { date: 'modifiedDate' }, { date: 'actionDate' },
    { text: 'subscriberKey' }, { text: 'statusCodeId' }, { text: 'description' }, { text: 'name' },
    { text: 'jbDefinitionId' }, { text: 'jbActivityId' }, { text: 'conversationId' }, { extras: true },
  ],
};
