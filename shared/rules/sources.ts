/** The articles every rule cites (rules.md "Sources"), as data so the UI can list and link them. */
export interface Source {
  readonly id: SourceId;
  readonly title: string;
  /** Short citation an analyst can paste after a sentence. */
  readonly cite: string;
}

export const SOURCE_IDS = [
  'KA-000381673',
  'KA-000388781',
  'KA-000230827',
  'KA-005263979',
  'HELP-STOP-KEYWORDS',
  'HELP-OPT-IN-TEMPLATES',
  'HELP-SUBSCRIPTION-LOG',
  'HELP-IMPORT-GUIDELINES',
  'HELP-DEMOGRAPHICS',
  'AMPSCRIPT-MSG',
  'DEV-QUEUEMO',
  'DEV-MESSAGECONTACT',
  'DEV-OPTIN',
  'SE-399024',
  'FCC-24-24',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export const SOURCES: Readonly<Record<SourceId, Source>> = {
  'KA-000381673': { id: 'KA-000381673', title: 'Requirements to update MobileConnect Contact Subscriptions (Apr 2025)', cite: 'Salesforce KA 000381673' },
  'KA-000388781': { id: 'KA-000388781', title: 'What happens when Contacts are Imported into MobileConnect with an Unsubscribe status', cite: 'Salesforce KA 000388781' },
  'KA-000230827': { id: 'KA-000230827', title: 'SMS/MMS Immediate Subscription Update (older STOP list)', cite: 'Salesforce KA 000230827' },
  'KA-005263979': { id: 'KA-005263979', title: 'Journey Builder SMS activity "subscribe all"', cite: 'Salesforce KA 005263979' },
  'HELP-STOP-KEYWORDS': { id: 'HELP-STOP-KEYWORDS', title: 'STOP Keywords in MobileConnect', cite: 'Salesforce Help "STOP Keywords in MobileConnect"' },
  'HELP-OPT-IN-TEMPLATES': { id: 'HELP-OPT-IN-TEMPLATES', title: 'MobileConnect opt-in message templates', cite: 'Salesforce Help "Opt-In Templates"' },
  'HELP-SUBSCRIPTION-LOG': { id: 'HELP-SUBSCRIPTION-LOG', title: 'Data View: SMSSubscriptionLog', cite: 'Salesforce Help "Data View: SMSSubscriptionLog"' },
  'HELP-IMPORT-GUIDELINES': { id: 'HELP-IMPORT-GUIDELINES', title: 'MobileConnect Import File Guidelines', cite: 'Salesforce Help "Import File Guidelines"' },
  'HELP-DEMOGRAPHICS': { id: 'HELP-DEMOGRAPHICS', title: 'MobileConnect Demographics Table', cite: 'Salesforce Help "MobileConnect Demographics"' },
  'AMPSCRIPT-MSG': { id: 'AMPSCRIPT-MSG', title: 'AMPscript MSG(0).VERB', cite: 'AMPscript reference MSG(0).VERB' },
  'DEV-QUEUEMO': { id: 'DEV-QUEUEMO', title: 'POST /sms/v1/queueMO', cite: 'Salesforce developer reference POST /sms/v1/queueMO' },
  'DEV-MESSAGECONTACT': { id: 'DEV-MESSAGECONTACT', title: 'POST /sms/v1/messageContact/{id}/send', cite: 'Salesforce developer reference POST /sms/v1/messageContact/{id}/send' },
  'DEV-OPTIN': { id: 'DEV-OPTIN', title: 'POST /sms/v1/message/optin (opt-in template API)', cite: 'Salesforce developer reference POST /sms/v1/message/optin' },
  'SE-399024': { id: 'SE-399024', title: 'Salesforce StackExchange question 399024', cite: 'Salesforce StackExchange 399024' },
  'FCC-24-24': { id: 'FCC-24-24', title: 'FCC 24-24: revocation of consent by any reasonable means, honoured within 10 business days', cite: 'FCC 24-24' },
};

/** "Salesforce KA 000381673; Salesforce Help …" for a list of source ids. */
export const citeSources = (ids: readonly SourceId[]): string => ids.map((id) => SOURCES[id].cite).join('; ');
