/**
 * Deterministic demo exports: the same numbers, GUIDs, codes and CST dates across every format, plus a
 * few malformed rows. `generateExports(dir, {numbers, seed})` writes the CSVs and returns their paths.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue, type DemoKeyword } from './catalogue';
import { cstSql, cstUs, csvLine, int, mulberry32, pick } from './prng';
import { Story } from './story';
import { PLOTS, TOTAL_WEIGHT } from './stories';

export { generateSubscriptionLog } from './big-log';

export const DEMO_FILES = {
  log: 'sms_subscription_log.csv',
  subscriptions: 'mobile_subscription.csv',
  address: 'mobile_address.csv',
  tracking: 'sms_message_tracking.csv',
  undeliverable: 'undeliverable_sms.csv',
  dictionary: 'keyword_dictionary.csv',
  importFile: 'mobileconnect_import.csv',
  contactBuilder: 'contact_builder_subscriptions.csv',
} as const;

const START = Date.UTC(2025, 0, 6, 15, 0, 0);
const STATUS_NAME: Record<string, string> = { '0': 'Not Opted In', '1': 'Opt-In Pending', '2': 'Opted In' };

export function generateStories(numbers: number, seed: number) {
  const rng = mulberry32(seed);
  const { codes, keywords } = catalogue(rng);
  const kw = (name: string, code = '12345'): DemoKeyword => keywords.find((k) => k.keyword === name && k.code === code)!;
  const code = (c: string) => codes.find((x) => x.code === c)!;
  const stories: Story[] = [];
  for (let i = 0; i < numbers; i++) {
    const s = new Story(String(15550100000 + i * 7), `SK${String(100000 + i)}`, keywords, codes);
    let r = rng() * TOTAL_WEIGHT;
    const plot = PLOTS.find(([w]) => (r -= w) < 0) ?? PLOTS[0]!;
    const t = START + int(rng, 0, 280) * 86_400_000 + int(rng, 0, 86_399) * 1000;
    plot[2](s, t, rng, kw, code);
    if (rng() < 0.02 && s.log.length) s.log.push({ ...s.log[0]!, key: `SK${String(900000 + i)}`, at: s.log[0]!.at + 60_000 }); // shared number
    stories.push(s);
  }
  return { rng, codes, keywords, stories };
}

export function generateExports(dir: string, opts: { numbers: number; seed: number }): Record<keyof typeof DEMO_FILES, string> {
  mkdirSync(dir, { recursive: true });
  const { rng, codes, keywords, stories } = generateStories(opts.numbers, opts.seed);
  const d = (ms: number | null): string => (ms === null ? '' : cstUs(ms));
  const files: Record<string, string[]> = {
    log: [csvLine(['LogDate', 'SubscriberKey', 'MobileSubscriptionID', 'SubscriptionDefinitionID', 'MobileNumber', 'OptOutStatusID', 'OptOutMethodID', 'OptOutDate', 'OptInStatusID', 'OptInMethodID', 'OptInDate', 'Source', 'CreatedDate', 'ModifiedDate'])],
    subscriptions: [csvLine(['_SubscriptionDefinitionID', '_MobileNumber', '_OptOutStatusID', '_OptOutMethodID', '_OptOutDate', '_OptInStatusID', '_OptInMethodID', '_OptInDate', '_Source', '_CreatedDate', '_CreatedBy', '_ModifiedDate', '_ModifiedBy'])],
    address: [csvLine(['_MobileID', '_ContactID', '_MobileNumber', '_Status', '_Source', '_CountryCode', '_CreatedDate', '_ModifiedDate', '_FirstName', '_State'])],
    tracking: [csvLine(['MobileMessageTrackingID', 'Mobile', 'KeywordID', 'CodeID', 'SharedKeyword', 'ShortCode', 'MessageText', 'Inbound', 'Outbound', 'Sent', 'Delivered', 'Undelivered', 'CreateDateTime', 'SubscriberKey', 'JBDefinitionID'])],
    undeliverable: [csvLine(['MobileNumber', 'Undeliverable', 'BounceCount', 'FirstBounceDate', 'HoldDate'])],
    dictionary: [csvLine(['KeywordID', 'Keyword', 'Code', 'CodeID', 'Kind', 'OptInTemplate', 'ValidResponses', 'WindowHours', 'Country'])],
    importFile: [csvLine(['_MobileNumber', '_Locale', '_ContactKey', '_Status', 'Keyword'])],
    contactBuilder: [csvLine(['Keyword', 'Mobile Number', 'Opt In Status', 'Opt In Method', 'Opt In Date', 'Opt Out Status', 'Opt Out Method', 'Opt Out Date', 'Source', 'Created Date', 'Modified Date'])],
  };
  for (const k of keywords) {
    if (k.unmapped) continue;
    const c = codes.find((x) => x.code === k.code)!;
    files.dictionary!.push(csvLine([k.guid, k.keyword, k.code, c.guid, k.kind, k.optIn ?? '', k.optIn === 'double' ? 'Y;YES' : '', k.optIn === 'double' ? 24 : '', 'US']));
  }
  let trackingId = 5_000_000;
  const names = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eun-ji', 'Femi', 'Gus', 'Hana'];
  stories.forEach((s, i) => {
    for (const l of [...s.log].sort((a, b) => a.at - b.at)) {
      files.log!.push(csvLine([d(l.at), l.key, 700000 + i, l.kw.guid, s.number, l.s.outStatus, l.s.outMethod, d(l.s.outAt), l.s.inStatus, l.s.inMethod, d(l.s.inAt), l.s.source, d(l.s.createdAt), d(l.s.modifiedAt)]));
    }
    for (const [k, st] of s.state) {
      files.subscriptions!.push(csvLine([k.guid, s.number, st.outStatus, st.outMethod, d(st.outAt), st.inStatus, st.inMethod, d(st.inAt), st.source, d(st.createdAt), 'MobileConnect', d(st.modifiedAt), 'MobileConnect']));
      if (i % 2 === 0) {
        files.contactBuilder!.push(csvLine([k.keyword, s.number, STATUS_NAME[st.inStatus], st.inMethod === '12' ? 'Mobile Opt-In' : st.inMethod === '4' ? 'Import' : st.inMethod === '6' ? 'Application' : st.inMethod === '2' ? 'API' : '', d(st.inAt), st.outStatus === '1' ? 'Opted Out' : 'Not Opted Out', st.outMethod === '4' ? 'Import' : st.outMethod === '6' ? 'Application' : '', d(st.outAt), st.source, d(st.createdAt), d(st.modifiedAt)]));
      }
    }
    const first = Math.min(...s.track.map((t) => t.at), ...s.log.map((l) => l.at));
    files.address!.push(csvLine([8000000 + i, 9000000 + i, s.number, s.contactInactive ? 2 : 1, 'MobileConnect', 'US', cstSql(first), cstSql(first), pick(rng, names), pick(rng, ['TX', 'CA', 'NY', 'IL'])]));
    for (const t of [...s.track].sort((a, b) => a.at - b.at)) {
      files.tracking!.push(csvLine([trackingId++, s.number, t.kw?.guid ?? '', t.code.guid, t.kw?.keyword ?? '', t.code.code, t.text, t.inbound ? 1 : 0, t.inbound ? 0 : 1, t.inbound ? 0 : 1, t.inbound ? 0 : t.delivered ? 1 : 0, !t.inbound && !t.delivered ? 1 : 0, cstSql(t.at), s.key, t.journey ? '3F0C1A22-0000-4000-8000-00000000JB01' : '']));
    }
    for (const im of s.imports) files.importFile!.push(csvLine([s.number, 'en-US', s.key, im.status, im.kw.keyword]));
    if (rng() < 0.03) files.undeliverable!.push(csvLine([s.number, 1, int(rng, 3, 9), cstUs(START + int(rng, 0, 200) * 86_400_000), cstUs(START + int(rng, 201, 300) * 86_400_000)]));
  });
  // Deliberately malformed rows, as real exports have them.
  const g = keywords[0]!.guid;
  files.log!.push(csvLine(['31/31/2025 25:00', 'SKBAD1', 1, g, '15559990001', 0, '', '', 2, 12, '4/2/2025 10:00:00 AM', 12, '', '']));
  files.log!.push(csvLine(['4/2/2025 10:00:00 AM', 'SKBAD2', 2, g, '5559990002', 0, '', '', 2, 12, '4/2/2025 10:00:00 AM', 12, '', '']));
  files.log!.push(csvLine(['4/2/2025 10:00:00 AM', 'SKBAD3', 3, g, '1555CALLME1', 0, '', '', 2, 12, '4/2/2025 10:00:00 AM', 12, '', '']));
  files.tracking!.push(csvLine([trackingId, '15559990004', g, codes[0]!.guid, 'JOIN', '12345', 'JOIN', 1, 0, 0, 0, 0, 'yesterday', 'SKBAD4', '']));
  const out = {} as Record<keyof typeof DEMO_FILES, string>;
  for (const [key, name] of Object.entries(DEMO_FILES) as [keyof typeof DEMO_FILES, string][]) {
    out[key] = join(dir, name);
    writeFileSync(out[key], `${files[key]!.join('\r\n')}\r\n`);
  }
  return out;
}
