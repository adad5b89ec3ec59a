/**
 * What happened, as the start of a reason's second half: "the subscriber texted "STOP" to 12345 on
 * 2025-04-23 14:00 UTC" ('full' mode, once per step). Everything before the instant takes few values
 * per replay (text × code, keyword × status, …): cached, so a step joins two parts instead of six.
 */
import type { ScenarioEvent } from '../model';
import { assertNever } from './assumptions';
import { fmtTime } from './explain-text';
import { memo1, text1, text2 } from './text-cache';

/** JSON-quoted texts, kept: texts repeat (keywords), and JSON.stringify is a slow builtin call. */
const quote = memo1((s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s));
const mode = (m: 'subscribedOnly' | 'subscribeAll'): string => (m === 'subscribeAll' ? 'subscribe all' : 'subscribed only');

const MO = text2((text: string, code: string) => `the subscriber texted ${quote(text)} to ${code} on `);
const QUEUE_MO = text2((text: string, code: string) => `REST queueMO sent ${quote(text)} to ${code} on the subscriber's behalf on `);
const MESSAGE_CONTACT = memo1((keyword: string) => text2((subscribe: boolean, resubscribe: boolean) =>
  `REST messageContact${keyword ? ` for ${keyword}` : ''} (subscribe=${subscribe}, resubscribe=${resubscribe}) ran on `));
const API_CONTACT = text1((status: string) => `the Contacts API updated the contact${status ? ` to ${status}` : ''} on `);
const IMPORT = text2((keyword: string, status: string) => `an import row into ${keyword}${status ? ` with status ${status}` : ''} was loaded on `);
const UI = text2((action: string, keyword: string) =>
  `an analyst ${action === 'optIn' ? 'opted the number in' : 'opted the number out'} of ${keyword} by hand in the MobileConnect UI on `);
const JOURNEY = text2((m: 'subscribedOnly' | 'subscribeAll', keyword: string) => `a Journey Builder SMS activity (${mode(m)}) sent for ${keyword} on `);
const OUTBOUND = text2((m: 'subscribedOnly' | 'subscribeAll', keyword: string) => `an Outbound send to a Data Extension (${mode(m)}) ran for ${keyword} on `);
const SEND = memo1((code: string) => text2((keyword: string, undelivered: boolean) =>
  `a message${keyword ? ` for ${keyword}` : ''} was ${undelivered ? 'sent but not delivered' : 'sent'} on ${code} on `));

const prefix = (e: ScenarioEvent): string => {
  switch (e.type) {
    case 'mo': return MO(e.text, e.code);
    case 'api.queueMO': return QUEUE_MO(e.text, e.code);
    case 'api.messageContact': return MESSAGE_CONTACT(e.keyword ?? '')(e.subscribe, e.resubscribe);
    case 'api.contact': return API_CONTACT(e.status ?? '');
    case 'import': return IMPORT(e.keyword, e.status ?? '');
    case 'ui': return UI(e.action, e.keyword);
    case 'journey.sms': return JOURNEY(e.mode, e.keyword);
    case 'outbound.de': return OUTBOUND(e.mode, e.keyword);
    case 'send': return SEND(e.code)(e.keyword ?? '', e.delivered === false);
    default: return assertNever(e);
  }
};

/**
 * "<prefix><instant>" as a rope over shared parts (the cached prefix, the day's date and the clock
 * text: see formatUtcMinute): two cons cells, 64 bytes, where a flat copy took ~100 bytes and a copy
 * of every character. The step's decision and flag reasons are ropes over it in turn.
 */
export const describeEvent = (e: ScenarioEvent, atMs: number): string => prefix(e) + fmtTime(atMs);
