/** Sending routes that may subscribe: messageContact, Journey Builder, Outbound to a DE, plain sends. */
import type { JourneySmsEvent, MessageContactEvent, OutboundDeEvent, SendEvent } from '../model';
import type { AssumptionName } from './assumptions';
import { NO_ASSUMPTIONS as NONE, type Ctx } from './context';
import { stays } from './headlines';
import { otherOptedOut } from './rules-import';
import type { RuleId } from './rule-ids';
import { sendCheck } from './rules-send';
import { text1 } from './text-cache';

const JOURNEY: readonly AssumptionName[] = ['journeyResubscribes'];
const OUTBOUND: readonly AssumptionName[] = ['outboundResubscribes'];

// Reason rests per route (a constant): decisions share them (see reasonText in explain-text.ts).
const JOURNEY_ROUTE = 'Journey Builder "subscribe all"';
const OUTBOUND_ROUTE = 'an Outbound send with "subscribe all"';
const CREATES = text1((route: string) => `; ${route} creates a missing subscription opted in`);
const REGARDLESS = text1((route: string) => `; under this rulebook ${route} subscribes regardless of status`);
const CREATE_ONLY = text1((route: string) => `; ${route} only creates missing subscriptions and never re-opts in an opted-out or pending one`);
const NOTHING_FOR_SUBSCRIBE = '; there is nothing for subscribe to change';
const NOTHING_FOR_RESUBSCRIBE = '; there is nothing for resubscribe to change';

export const applyMessageContact = (ctx: Ctx, e: MessageContactEvent): void => {
  const n = ctx.num(e.mobileNumber);
  const c = ctx.code(n, e.code);
  const wantsSub = e.subscribe || e.resubscribe;
  const k = e.keyword !== undefined ? ctx.keyword(e.code, e.keyword) : undefined;
  if (wantsSub && !k) {
    if (ctx.full) ctx.decideSend('API-KEYWORD-REQUIRED', e.code, e.keyword, undefined, false, NONE,
      'Rejected by the platform, nothing changed',
      `; subscribe or resubscribe needs a keyword of ${e.code}${e.keyword === undefined ? ', and none was given' : `, and ${e.keyword} is not one`}`);
    return;
  }
  if (k) {
    const name = k.def.keyword;
    const s = c.subs.get(k.key);
    const from = s?.status ?? 'None';
    if (from === 'OptedOut' && e.resubscribe) {
      ctx.setSub(c, k.key, name, 'OptedIn', 'API-RESUBSCRIBE', NONE, `; resubscribe=true turns an opted-out subscription opted in`);
      ctx.flag('REOPTIN-AFTER-STOP', 'API-RESUBSCRIBE', e.code, name, ctx.full ? [': the API re-opted ', e.mobileNumber, ' in to ', name, ' after an opt-out, without the subscriber\'s own new opt-in'].join('') : '');
    } else if (from === 'OptedOut' && e.subscribe) {
      if (ctx.full) ctx.decideSub('API-SUBSCRIBE', e.code, name, from, from, NONE,
        stays(name, e.code, 'OptedOut'), `; subscribe=true without resubscribe leaves an opted-out subscription opted out, and the send is skipped`);
    } else if ((from === 'None' || from === 'NotOptedIn') && e.subscribe) {
      ctx.setSub(c, k.key, name, 'OptedIn', 'API-SUBSCRIBE', NONE, `; subscribe=true creates the keyword's subscription opted in when there is none`);
    } else if (wantsSub) {
      if (ctx.full) ctx.decideSub(e.subscribe ? 'API-SUBSCRIBE' : 'API-RESUBSCRIBE', e.code, name, from, from, NONE,
        stays(name, e.code, from), e.subscribe ? NOTHING_FOR_SUBSCRIBE : NOTHING_FOR_RESUBSCRIBE);
    }
  }
  sendCheck(ctx, n, c, true, k?.key);
};

export const applyJourneyLike = (ctx: Ctx, e: JourneySmsEvent | OutboundDeEvent): void => {
  const n = ctx.num(e.mobileNumber);
  const c = ctx.code(n, e.code);
  if (e.mode === 'subscribeAll') {
    const journey = e.type === 'journey.sms';
    const ruleId: RuleId = journey ? 'JOURNEY-CREATE-ONLY' : 'OUTBOUND-DE';
    const assumptions = journey ? JOURNEY : OUTBOUND;
    const resubscribes = journey ? ctx.a.journeyResubscribes : ctx.a.outboundResubscribes;
    const route = journey ? JOURNEY_ROUTE : OUTBOUND_ROUTE;
    const key = ctx.canon(e.keyword);
    const name = ctx.displayKey(e.code, key);
    const from = c.subs.get(key)?.status ?? 'None';
    if (from === 'None' || from === 'NotOptedIn') {
      const reopt = otherOptedOut(c, key);
      // Creating a missing subscription is not in dispute; only re-opting in depends on the assumption.
      ctx.setSub(c, key, name, 'OptedIn', ruleId, NONE, ctx.full ? CREATES(route) : '');
      if (reopt) ctx.flag('REOPTIN-AFTER-STOP', ruleId, e.code, name, ctx.full ? [': ', route, ' opted ', e.mobileNumber, ' in to ', name, ' after it had opted out of other keywords on ', e.code].join('') : '');
    } else if (resubscribes && from !== 'OptedIn') {
      ctx.setSub(c, key, name, 'OptedIn', ruleId, assumptions, ctx.full ? REGARDLESS(route) : '');
      if (from === 'OptedOut') ctx.flag('REOPTIN-AFTER-STOP', ruleId, e.code, name, ctx.full ? [': ', route, ' re-opted ', e.mobileNumber, ' in to ', name, ' after an opt-out'].join('') : '');
    } else {
      if (ctx.full) ctx.decideSub(ruleId, e.code, name, from, from, assumptions,
        stays(name, e.code, from),
        CREATE_ONLY(route));
    }
  } else {
    if (ctx.full) ctx.decideEvent(e.type === 'journey.sms' ? 'JOURNEY-CREATE-ONLY' : 'OUTBOUND-DE', e.code, NONE,
      'Subscriptions unchanged', `; "subscribed only" changes no subscription and skips numbers that are not sendable`);
  }
  sendCheck(ctx, n, c, true);
};

export const applySend = (ctx: Ctx, e: SendEvent): void => {
  const n = ctx.num(e.mobileNumber);
  const c = ctx.code(n, e.code);
  const k = e.keyword !== undefined ? ctx.canon(e.keyword) : undefined;
  sendCheck(ctx, n, c, false, k, e.delivered !== false);
};
