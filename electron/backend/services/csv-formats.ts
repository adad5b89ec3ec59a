/**
 * Interim export formats (until the loader's import/ lands): detection by header — case-insensitive,
 * with or without the leading underscore, spaces ignored — and the mapping of one row to an event or
 * a current-state row, or a rejection naming line, column, value and reason.
 */
import type { ExportFormat } from '../../../shared/ipc/desk-types';
import type { NewEvent } from '../db/desk-store';
import { isoUtc, normalizeNumber, parseExportDate } from './normalize';

export const headerKey = (h: string): string => h.trim().replace(/^_+/, '').replace(/[\s_]+/g, '').toLowerCase();

interface FormatDef {
  readonly id: ExportFormat;
  readonly title: string;
  readonly required: readonly string[];
}

export const FORMATS: readonly FormatDef[] = [
  { id: 'sms-message-tracking', title: '_SMSMessageTracking', required: ['Mobile', 'ShortCode', 'MessageText', 'Inbound', 'CreateDateTime'] },
  { id: 'mobileconnect-import', title: 'MobileConnect import file', required: ['MobileNumber', 'Status', 'Keyword', 'ShortCode', 'ImportDate'] },
  { id: 'contact-builder-subscriptions', title: 'MobileConnect Subscriptions (Contact Builder)', required: ['Keyword', 'Mobile Number', 'Opt In Status', 'Opt Out Status'] },
];

export const formatTitle = (id: ExportFormat): string => FORMATS.find((f) => f.id === id)?.title ?? id;

export function detectFormat(header: readonly string[]): ExportFormat | null {
  const keys = new Set(header.map(headerKey));
  return FORMATS.find((f) => f.required.every((c) => keys.has(headerKey(c))))?.id ?? null;
}

export function missingColumns(format: ExportFormat, header: readonly string[]): string[] {
  const keys = new Set(header.map(headerKey));
  return (FORMATS.find((f) => f.id === format)?.required ?? []).filter((c) => !keys.has(headerKey(c)));
}

export interface RowError { readonly line: number; readonly column: string; readonly value: string; readonly reason: string }
export type Mapped =
  | { readonly kind: 'event'; readonly event: NewEvent }
  | { readonly kind: 'current'; readonly current: { line: number; number: string; code: string; keyword: string; status: string } }
  | { readonly kind: 'error'; readonly error: RowError };

/** Column accessor by header key. */
export const columnReader = (header: readonly string[]) => {
  const index = new Map(header.map((h, i) => [headerKey(h), i]));
  const name = new Map(header.map((h) => [headerKey(h), h]));
  return (row: readonly string[], col: string): { value: string; column: string } => {
    const k = headerKey(col);
    const i = index.get(k);
    return { value: i === undefined ? '' : (row[i] ?? '').trim(), column: name.get(k) ?? col };
  };
};

const truthy = (v: string): boolean => /^(1|true|yes|y)$/i.test(v);

const OPT_IN: Record<string, string> = { '0': 'NotOptedIn', 'not opted in': 'NotOptedIn', '1': 'OptInPending', 'opt-in pending': 'OptInPending', 'opt in pending': 'OptInPending', '2': 'OptedIn', 'opted in': 'OptedIn' };
const OPT_OUT: Record<string, boolean> = { '0': false, 'not opted out': false, '1': true, 'opted out': true };

export function mapRow(format: ExportFormat, read: ReturnType<typeof columnReader>, row: readonly string[], line: number): Mapped {
  const err = (c: { value: string; column: string }, reason: string): Mapped => ({ kind: 'error', error: { line, column: c.column, value: c.value, reason } });
  const num = read(row, format === 'sms-message-tracking' ? 'Mobile' : format === 'mobileconnect-import' ? 'MobileNumber' : 'Mobile Number');
  const n = normalizeNumber(num.value);
  if (!n.ok) return err(num, n.reason);
  switch (format) {
    case 'sms-message-tracking': {
      const when = read(row, 'CreateDateTime');
      const t = parseExportDate(when.value);
      if (!t.ok) return err(when, t.reason);
      const code = read(row, 'ShortCode');
      if (code.value === '') return err(code, 'the short code is empty');
      const inbound = truthy(read(row, 'Inbound').value);
      const keyword = read(row, 'SharedKeyword').value || null;
      const delivered = read(row, 'Delivered').value;
      return { kind: 'event', event: {
        line, number: n.value, at: isoUtc(t.value), atMs: t.value, type: inbound ? 'mo' : 'send', code: code.value,
        keyword: inbound ? null : keyword, text: inbound ? read(row, 'MessageText').value : null, status: null,
        delivered: inbound || delivered === '' ? null : truthy(delivered) ? 1 : 0,
      } };
    }
    case 'mobileconnect-import': {
      const when = read(row, 'ImportDate');
      const t = parseExportDate(when.value);
      if (!t.ok) return err(when, t.reason);
      const status = read(row, 'Status');
      if (!/^(active|unsubscribe)$/i.test(status.value)) return err(status, 'the import status must be Active or Unsubscribe');
      const keyword = read(row, 'Keyword');
      const code = read(row, 'ShortCode');
      if (keyword.value === '') return err(keyword, 'the keyword is empty');
      if (code.value === '') return err(code, 'the short code is empty');
      return { kind: 'event', event: {
        line, number: n.value, at: isoUtc(t.value), atMs: t.value, type: 'import', code: code.value, keyword: keyword.value.toUpperCase(),
        text: null, status: /^active$/i.test(status.value) ? 'Active' : 'Unsubscribe', delivered: null,
      } };
    }
    case 'contact-builder-subscriptions': {
      const keyword = read(row, 'Keyword');
      if (keyword.value === '') return err(keyword, 'the keyword is empty');
      const inS = read(row, 'Opt In Status');
      const outS = read(row, 'Opt Out Status');
      const optIn = OPT_IN[inS.value.toLowerCase()];
      if (optIn === undefined) return err(inS, 'unknown Opt In Status (expected 0, 1, 2 or its name)');
      const optOut = OPT_OUT[outS.value.toLowerCase()];
      if (optOut === undefined) return err(outS, 'unknown Opt Out Status (expected 0, 1 or its name)');
      return { kind: 'current', current: { line, number: n.value, code: read(row, 'Code').value, keyword: keyword.value.toUpperCase(), status: optOut ? 'OptedOut' : optIn } };
    }
  }
}
