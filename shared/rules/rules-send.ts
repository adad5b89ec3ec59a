/** SEND-CHECK and the flags a delivery can raise (SENT-WHILE-BLOCKED, PENDING-…, LATE-OPTOUT-HONOURED). */
import type { AssumptionName } from './assumptions';
import { NO_ASSUMPTIONS as NONE, type Ctx } from './context';
import { fmtTime } from './explain-text';
import type { CodeState, NumberState } from './state';
import { afterSemicolon, text1 } from './text-cache';
import { blockReason, isSendable } from './verdicts';

const DAY = 86_400_000;
/** FCC 24-24: a revocation must be honoured within 10 business days. */
export const REVOCATION_BUSINESS_DAYS = 10;

/** The instant 10 business days (Mon–Fri, UTC, no holidays) after `from`. */
export const businessDaysAfter = (from: number, days: number): number => {
  let t = from;
  let left = days;
  while (left > 0) {
    t += DAY;
    // Weekday without a Date per day: 1970-01-01 was a Thursday (4); 0 = Sunday, 6 = Saturday.
    const wd = (((Math.floor(t / DAY) + 4) % 7) + 7) % 7;
    if (wd !== 0 && wd !== 6) left--;
  }
  return t;
};

/** Display spelling of the send's keyword, only needed for texts and flags (a function, not a closure per send). */
const keywordName = (ctx: Ctx, c: CodeState, keywordKey: string | undefined): string | undefined =>
  (keywordKey === undefined ? undefined : c.subs.get(keywordKey)?.keyword ?? ctx.displayKey(c.code, keywordKey));

const INACTIVE: readonly AssumptionName[] = ['inactiveBlocksSend'];
const UNDELIVERABLE: readonly AssumptionName[] = ['undeliverableBlocksSend'];

// Reason parts shared per code, keyword or block reason ('full' mode; see text-cache.ts).
const SENT_ON = text1((code: string) => `Sent on ${code}`);
const DELIVERED_ON = text1((code: string) => `Delivered on ${code} although not sendable`);
const NOT_SENT_ON = text1((code: string) => `Not sent on ${code}`);
const SENDABLE = 'the number was sendable there (a keyword opted in)';
const OPTED_OUT_OF = text1((keyword: string | undefined) => `the number is opted out of ${keyword}`);
const NOT_SENDABLE = text1((block: string) => `the number was not sendable there: ${block}`);
const SKIPPED = text1((why: string) => `; ${why}; the platform skips the message (an activity still shows success)`);

/**
 * Records whether the number was sendable on the code and whether a message went out.
 * `platformChecks`: the platform sends only when sendable (API, Journey, DE) — otherwise the event
 * records an actual delivery (`delivered`). `keywordKey`: the keyword the send is for (its own
 * subscription decides for messageContact).
 */
export const sendCheck = (ctx: Ctx, n: NumberState, c: CodeState, platformChecks: boolean, keywordKey?: string, delivered = true): boolean => {
  let sendable = isSendable(ctx.a, n, c);
  let keywordBlocked = false;
  if (sendable && keywordKey !== undefined && platformChecks) {
    const st = c.subs.get(keywordKey)?.status;
    if (st === 'OptedOut') {
      sendable = false;
      keywordBlocked = true;
    }
  }
  const sent = platformChecks ? sendable : delivered;
  // The texts live in helpers: a closure here would make V8 allocate a context on every send.
  if (ctx.full) recordSendCheck(ctx, n, c, platformChecks, keywordKey, sendable, keywordBlocked, sent);
  if (!sent) return false;
  if (!platformChecks) {
    if (!sendable) sentWhileBlocked(ctx, n, c, keywordKey);
    // A delivery for a pending keyword, or to a number whose only opt-ins on the code are pending.
    let pending = false;
    if (keywordKey !== undefined) pending = c.subs.get(keywordKey)?.status === 'OptInPending';
    else if (!sendable) for (const s of c.subs.values()) if (s.status === 'OptInPending') pending = true;
    if (pending) pendingTreatedAsOptedIn(ctx, c, keywordKey);
  }
  if (c.revokedAt !== undefined) {
    const deadline = businessDaysAfter(c.revokedAt, REVOCATION_BUSINESS_DAYS);
    if (ctx.at > deadline) lateOptOut(ctx, c, c.revokedAt, keywordKey, deadline);
  }
  return true;
};

const recordSendCheck = (ctx: Ctx, n: NumberState, c: CodeState, platformChecks: boolean, keywordKey: string | undefined, sendable: boolean, keywordBlocked: boolean, sent: boolean): void => {
  const kw = keywordName(ctx, c, keywordKey);
  const assumptions = ctx.a.inactiveBlocksSend && n.contact === 'Inactive' ? INACTIVE : ctx.a.undeliverableBlocksSend && n.undeliverable ? UNDELIVERABLE : NONE;
  const headline = sent ? (sendable ? SENT_ON(c.code) : DELIVERED_ON(c.code)) : NOT_SENT_ON(c.code);
  const why = sendable ? SENDABLE : keywordBlocked ? OPTED_OUT_OF(kw) : NOT_SENDABLE(blockReason(ctx.a, n, c));
  // keyword undefined when there is none: decisions have one fixed shape, and JSON leaves it out.
  ctx.decideSend('SEND-CHECK', c.code, kw, sendable, sent, assumptions, headline, platformChecks && !sent ? SKIPPED(why) : afterSemicolon(why));
};

const sentWhileBlocked = (ctx: Ctx, n: NumberState, c: CodeState, keywordKey: string | undefined): void =>
  ctx.flag('SENT-WHILE-BLOCKED', 'SEND-CHECK', c.code, keywordName(ctx, c, keywordKey), ctx.full ? [', but ', n.mobileNumber, ' was not sendable on ', c.code, ': ', blockReason(ctx.a, n, c)].join('') : '');

const pendingTreatedAsOptedIn = (ctx: Ctx, c: CodeState, keywordKey: string | undefined): void =>
  ctx.flag('PENDING-TREATED-AS-OPTED-IN', 'SEND-CHECK', c.code, keywordName(ctx, c, keywordKey), ' for a subscription that was only opt-in pending, which counts as opted out');

const lateOptOut = (ctx: Ctx, c: CodeState, revokedAt: number, keywordKey: string | undefined, deadline: number): void =>
  ctx.flag('LATE-OPTOUT-HONOURED', 'SEND-CHECK', c.code, keywordName(ctx, c, keywordKey),
    ctx.full ? [', more than ', REVOCATION_BUSINESS_DAYS, ' business days after the subscriber asked to stop in plain words (', c.revokedBy ?? '?', ' on ', fmtTime(revokedAt), '; deadline ', fmtTime(deadline), ')'].join('') : '');
