import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../electron/backend/import/detect';
import { detectDelimiter } from '../../../electron/backend/import/csv';

const LOG = 'LogDate,SubscriberKey,MobileSubscriptionID,SubscriptionDefinitionID,MobileNumber,OptOutStatusID,OptOutMethodID,OptOutDate,OptInStatusID,OptInMethodID,OptInDate,Source,CreatedDate,ModifiedDate'.split(',');
const SUBS = '_SubscriptionDefinitionID,_MobileNumber,_OptOutStatusID,_OptOutMethodID,_OptOutDate,_OptInStatusID,_OptInMethodID,_OptInDate,_Source,_CreatedDate,_CreatedBy,_ModifiedDate,_ModifiedBy'.split(',');

const id = (h: string[], o?: Parameters<typeof detectFormat>[1]) => {
  const d = detectFormat(h, o);
  return d.ok ? d.format.id : d.error.message;
};

describe('format detection by header', () => {
  it('tells the log from current state (LogDate decides)', () => {
    expect(id(LOG)).toBe('sms-subscription-log');
    expect(id(SUBS)).toBe('mobile-subscription');
  });
  it('matches headers case-insensitively, with or without the leading underscore', () => {
    expect(id(LOG.map((h) => `_${h.toLowerCase()}`))).toBe('sms-subscription-log');
    expect(id(SUBS.map((h) => h.slice(1).toUpperCase()))).toBe('mobile-subscription');
  });
  it('recognises every format', () => {
    expect(id(['_MobileID', '_ContactID', '_MobileNumber', '_Status'])).toBe('mobile-address');
    expect(id(['Mobile', 'MessageText', 'Inbound', 'Outbound', 'CreateDateTime', 'KeywordID'])).toBe('sms-message-tracking');
    expect(id(['MobileNumber', 'Undeliverable', 'BounceCount', 'HoldDate'])).toBe('undeliverable-sms');
    expect(id(['MobileNumber', 'Undeliverable', 'LastBounceDate'])).toBe('undeliverable-sms');
    expect(id(['Keyword', 'Mobile Number', 'Opt In Status', 'Opt Out Status'])).toBe('contact-builder-subscriptions');
    expect(id(['_MobileNumber', '_Locale', '_ContactKey', '_Status'])).toBe('mobileconnect-import-file');
    expect(id(['KeywordID', 'Keyword', 'Code', 'Kind'])).toBe('keyword-dictionary');
  });
  it('names the missing required columns', () => {
    expect(id(LOG.filter((h) => h !== 'OptInDate' && h !== 'OptOutMethodID'))).toBe(
      'The file looks like _SMSSubscriptionLog but is missing required columns: OptOutMethodID, OptInDate.',
    );
    expect(id(['MobileNumber', 'Undeliverable'])).toContain('HoldDate or LastBounceDate');
  });
  it('refuses an unknown header with one clear message', () => {
    expect(id(['Name', 'Email'])).toMatch(/^Unrecognised export: the header \(Name, Email\) matches none of/);
  });
  it('uses the manual override, and names what it lacks', () => {
    expect(id(LOG, 'mobile-subscription')).toBe('mobile-subscription');
    expect(id(SUBS, 'sms-subscription-log')).toContain('missing required column: LogDate');
  });
});

describe('delimiter detection', () => {
  it('picks comma, semicolon or tab from the header, ignoring quoted text', () => {
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb\t"c,d,e"')).toBe('\t');
  });
});
