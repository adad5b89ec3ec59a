/**
 * `_SMSSubscriptionLog` rows → events. A log row is a snapshot; an event is emitted when the combined
 * status changes, by the method that changed it (rules.md §5 code tables). Anything the log cannot
 * say (unknown method, suppression, unmapped keyword GUID) becomes a Gap instead of a guess.
 */
import { combinedStatus, OPT_IN_METHOD, OPT_OUT_METHOD } from '../import/code-tables';
import type { Row } from '../db/queries';
import { isoOf } from '../import/normalize';
import { cite, type Collector } from './evidence';
import type { KeywordResolver } from './keywords';

const s = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

export function logEvents(rows: readonly Row[], kw: KeywordResolver, c: Collector): Map<string, string> {
  const last = new Map<string, string>(); // definition GUID → last logged combined status
  for (const r of rows) {
    const guid = s(r.definition_id) ?? '';
    const k = kw.keyword(guid);
    const status = combinedStatus(s(r.opt_in_status_id), s(r.opt_out_status_id));
    const at = isoOf(r.log_at) ?? isoOf(r.opt_out_at) ?? isoOf(r.opt_in_at);
    const prev = last.get(guid) ?? 'None';
    if (!k) {
      c.gap({ kind: 'unmapped-keyword', reason: `keyword GUID ${guid} is in neither the keyword dictionary nor message tracking`, evidence: [cite(r)], ...(at ? { at } : {}) });
      if (status) last.set(guid, status);
      continue;
    }
    const where = { code: k.code, keyword: k.keyword };
    if (!status || !at) {
      c.gap({ kind: 'other', ...where, reason: `log row with unknown status ids (OptIn ${s(r.opt_in_status_id)}, OptOut ${s(r.opt_out_status_id)}) or no date`, evidence: [cite(r)] });
      continue;
    }
    last.set(guid, status);
    if (status === prev) continue;
    if (status === 'OptedOut') {
      const method = s(r.opt_out_method_id);
      const when = isoOf(r.opt_out_at) ?? at;
      if (method === null || method === '14') c.event(r, when, { type: 'mo', code: k.code, text: 'STOP', note: 'opt-out by text (log: OptOutMethodID empty/14); the exact word is not in the log' }, true);
      else if (method === '4') c.event(r, when, { type: 'import', ...where, status: 'Unsubscribe' });
      else if (method === '6') c.event(r, when, { type: 'ui', ...where, action: 'optOut' });
      else c.gap({ kind: 'other', ...where, at: when, reason: `opt-out by method ${method} (${OPT_OUT_METHOD[method] ?? 'unknown'}) has no replayable event`, evidence: [cite(r)] });
    } else if (status === 'OptedIn' || status === 'OptInPending') {
      const method = s(r.opt_in_method_id);
      const when = isoOf(r.opt_in_at) ?? at;
      if (method === '12') {
        if (status === 'OptedIn' && k.optIn === 'double') {
          if (prev !== 'OptInPending') {
            c.gap({ kind: 'log-gap', ...where, at: when, reason: 'confirmed double opt-in without a logged start (OptInPending): the start is inferred', evidence: [cite(r)] });
            c.event(r, when, { type: 'mo', code: k.code, text: k.keyword, note: 'inferred start of the double opt-in' }, true);
          }
          c.event(r, when, { type: 'mo', code: k.code, text: k.validResponses?.[0] ?? 'Y', note: 'confirmation reply (log: OptInStatusID 2); the exact reply is not in the log' }, true);
        } else {
          c.event(r, when, { type: 'mo', code: k.code, text: k.keyword, note: 'opt-in by texting the keyword (log: OptInMethodID 12)' }, true);
        }
      } else if (method === '4' && status === 'OptedIn') c.event(r, when, { type: 'import', ...where, status: 'Active' });
      else if (method === '2' && status === 'OptedIn') c.event(r, when, { type: 'api.messageContact', ...where, subscribe: true, resubscribe: prev === 'OptedOut' });
      else if (method === '6' && status === 'OptedIn') c.event(r, when, { type: 'ui', ...where, action: 'optIn' });
      else c.gap({ kind: 'other', ...where, at: when, reason: `${status} by method ${method ?? 'empty'} (${(method && OPT_IN_METHOD[method]) ?? 'unknown'}) has no replayable event`, evidence: [cite(r)] });
    }
  }
  return last;
}
