/** Imports, manual UI edits and the Contacts API: IMPORT-*, UI-OPT-IN/OUT, API-CONTACT. */
import type { ApiContactEvent, ImportEvent, UiEvent } from '../model';
import type { AssumptionName } from './assumptions';
import { NO_ASSUMPTIONS as NONE, type Ctx } from './context';
import { stays } from './headlines';
import type { CodeState } from './state';
import { text1 } from './text-cache';

const SCOPE: readonly AssumptionName[] = ['importUnsubscribeScope'];
const KEEPS: readonly AssumptionName[] = ['importKeepsExisting'];
const UNDELIVERABLE: readonly AssumptionName[] = ['undeliverableBlocksSend'];

// Reason rests as constants per branch: decisions share them (see reasonText in explain-text.ts).
const UNSUBSCRIBE_KEYWORD = '; an Unsubscribe import row opts out the imported keyword and makes the contact Inactive';
const UNSUBSCRIBE_CODE = '; an Unsubscribe import row opts out the imported keyword and, under this rulebook, every keyword on its code and makes the contact Inactive';
const NEW_KEYWORD = '; an import into a keyword the number was never subscribed to creates it opted in';
const NEW_KEYWORD_AFTER_OPT_OUT = `${NEW_KEYWORD}, even though the number opted out of other keywords on this code`;
const EXISTING = text1((from: string) => `; an import into an existing ${from} subscription leaves its status unchanged`);
const UI_OPT_IN = '; a manual opt-in sets the keyword opted in from any state';
const UI_OPT_IN_AFTER_STOP = `${UI_OPT_IN}, here reversing the subscriber's STOP`;
const REVERSED_STOP = text1((keyword: string) => `: a manual opt-in reversed the subscriber's own STOP on ${keyword}`);

/** Another keyword of the code is OptedOut: opting in here makes the number sendable again after an opt-out. */
export const otherOptedOut = (c: CodeState, key: string): boolean => {
  const subs = c.subs.values();
  for (let i = 0; i < subs.length; i++) if (subs[i]!.key !== key && subs[i]!.status === 'OptedOut') return true;
  return false;
};

export const applyImport = (ctx: Ctx, e: ImportEvent): void => {
  const n = ctx.num(e.mobileNumber);
  const c = ctx.code(n, e.code);
  const key = ctx.canon(e.keyword);
  const name = ctx.displayKey(e.code, key);
  if (e.status === 'Unsubscribe') {
    const why = ctx.a.importUnsubscribeScope === 'code' ? UNSUBSCRIBE_CODE : UNSUBSCRIBE_KEYWORD;
    ctx.setSub(c, key, name, 'OptedOut', 'IMPORT-UNSUBSCRIBE', SCOPE, why);
    if (ctx.a.importUnsubscribeScope === 'code') {
      for (const s of c.subs.values()) {
        if (s.key !== key && s.status !== 'OptedOut') ctx.setSub(c, s.key, s.keyword, 'OptedOut', 'IMPORT-UNSUBSCRIBE', SCOPE, why);
      }
    }
    ctx.setContact(n, 'Inactive', 'IMPORT-UNSUBSCRIBE', why);
    return;
  }
  if (e.status === 'Active') {
    ctx.setContact(n, 'Active', 'IMPORT-ACTIVE', `; an Active import row makes the contact Active (but never re-opts in an opted-out keyword)`);
  }
  const s = c.subs.get(key);
  const from = s?.status ?? 'None';
  // Only rows that may opt in need consent; an Unsubscribe row (above) never does.
  if (e.consent === false) {
    ctx.flag('IMPORT-WITHOUT-CONSENT', from === 'None' || from === 'NotOptedIn' ? 'IMPORT-NEW-KEYWORD' : 'IMPORT-NO-REOPTIN', e.code, name,
      ', and the row is marked as having no consent behind it');
  }
  switch (from) {
    case 'None':
    case 'NotOptedIn': {
      const reopt = otherOptedOut(c, key);
      ctx.setSub(c, key, name, 'OptedIn', 'IMPORT-NEW-KEYWORD', NONE, reopt ? NEW_KEYWORD_AFTER_OPT_OUT : NEW_KEYWORD);
      if (reopt) {
        ctx.flag('REOPTIN-AFTER-STOP', 'IMPORT-NEW-KEYWORD', e.code, name,
          ctx.full ? [': the import opted ', e.mobileNumber, ' in to ', name, ' on ', e.code, ' after it had opted out of other keywords there, making it sendable again without its own new opt-in'].join('') : '');
      }
      return;
    }
    case 'OptedOut':
      if (ctx.full) ctx.decideSub('IMPORT-NO-REOPTIN', e.code, name, from, from, NONE,
        stays(name, e.code, 'OptedOut'), `; an import can never turn an opted-out subscription back to opted in, so the contact is still opted out`);
      return;
    case 'OptedIn':
    case 'OptInPending':
      if (ctx.a.importKeepsExisting || from === 'OptedIn') {
        if (ctx.full) ctx.decideSub('IMPORT-NO-REOPTIN', e.code, name, from, from, KEEPS,
          stays(name, e.code, from), EXISTING(from));
      } else {
        ctx.setSub(c, key, name, 'OptedIn', 'IMPORT-NO-REOPTIN', KEEPS, `; under this rulebook an import overrides a pending opt-in`);
      }
      return;
    default: {
      const never: never = from;
      return never;
    }
  }
};

export const applyUi = (ctx: Ctx, e: UiEvent): void => {
  const n = ctx.num(e.mobileNumber);
  const c = ctx.code(n, e.code);
  const key = ctx.canon(e.keyword);
  const name = ctx.displayKey(e.code, key);
  if (e.action === 'optOut') {
    ctx.setSub(c, key, name, 'OptedOut', 'UI-OPT-OUT', NONE, `; a manual opt-out sets the keyword opted out`);
    c.revokedAt = undefined; // an opt-out honours a pending plain-words revocation
    c.revokedBy = undefined;
    return;
  }
  const s = c.subs.get(key);
  const reversesStop = s?.status === 'OptedOut' && s.byStop;
  ctx.setSub(c, key, name, 'OptedIn', 'UI-OPT-IN', NONE, reversesStop ? UI_OPT_IN_AFTER_STOP : UI_OPT_IN);
  if (reversesStop) ctx.flag('REOPTIN-AFTER-STOP', 'UI-OPT-IN', e.code, name, ctx.full ? REVERSED_STOP(name) : '');
};

export const applyApiContact = (ctx: Ctx, e: ApiContactEvent): void => {
  const n = ctx.num(e.mobileNumber);
  if (e.undeliverable !== undefined && e.undeliverable !== n.undeliverable) {
    n.undeliverable = e.undeliverable;
    if (ctx.full) ctx.change({ kind: 'contact', mobileNumber: n.mobileNumber, from: n.contact ?? 'None', to: n.contact ?? 'None', undeliverable: e.undeliverable, ruleId: 'API-CONTACT' });
    if (ctx.full) ctx.decideContact('API-CONTACT', n.contact ?? 'None', n.contact ?? 'None', true, UNDELIVERABLE,
      `Number ${e.undeliverable ? 'held as undeliverable' : 'no longer undeliverable'}`, '');
  }
  const to = e.status ?? n.contact ?? 'Active';
  ctx.setContact(n, to, 'API-CONTACT', `; the Contacts API sets the Demographics status and leaves subscriptions as they are`);
};
