/** Read queries for one number's evidence and for keyword/code GUID resolution. */
import type { SqlValue } from 'sql.js';
import type { Workspace } from './workspace';

export type Row = Record<string, SqlValue>;

/** Evidence order within one number per table: log rows by their date, the others by file and line. */
export const EVIDENCE_ORDER = {
  subscription_log: 'COALESCE(t.log_at, t.opt_out_at, t.opt_in_at), t.source_id, t.line',
  messages: 't.created_at, t.source_id, t.line',
  subscriptions: 't.source_id, t.line',
  contacts: 't.source_id, t.line',
  undeliverable: 't.source_id, t.line',
  import_rows: 't.source_id, t.line',
} as const;
export type EvidenceTable = keyof typeof EVIDENCE_ORDER;

type Prefetched = ReadonlyMap<EvidenceTable, ReadonlyMap<string, Row[]>>;
const prefetched = new WeakMap<Workspace, Prefetched>();

/**
 * Makes `rowsForNumber` serve rows read in bulk (db/evidence-stream.ts) until `clearPrefetch`, so
 * reconstructing many numbers in a row (the verdict table) pays no query per table per number.
 * Callers only ask for numbers the batch holds.
 */
export const usePrefetched = (ws: Workspace, rows: Prefetched): void => void prefetched.set(ws, rows);

export const clearPrefetch = (ws: Workspace): void => void prefetched.delete(ws);

/** All rows of one evidence table for a normalized number, with the citing file name and hash. */
export function rowsForNumber(ws: Workspace, table: EvidenceTable, number: string): Row[] {
  const pre = prefetched.get(ws);
  if (pre) return pre.get(table)?.get(number) ?? [];
  return ws.all(
    `SELECT t.*, s.file_name AS file_name, s.sha256 AS sha256 FROM ${table} t JOIN sources s ON s.id = t.source_id
     WHERE t.number = ? ORDER BY ${EVIDENCE_ORDER[table]}`,
    [number],
  );
}

/** Dictionary rows (most recent load last, so it wins). */
export const dictionaryRows = (ws: Workspace): Row[] =>
  ws.all('SELECT keyword_id, keyword, code, code_id, kind, opt_in, valid_responses, window_hours, country FROM keywords ORDER BY source_id, line');

/** KeywordID ↔ SharedKeyword and CodeID ↔ ShortCode pairs seen in message tracking. */
export const trackingKeywordPairs = (ws: Workspace): Row[] =>
  ws.all(`SELECT DISTINCT keyword_id, shared_keyword, code_id, short_code FROM messages
          WHERE (keyword_id IS NOT NULL AND shared_keyword IS NOT NULL) OR (code_id IS NOT NULL AND short_code IS NOT NULL)`);

/** Numbers matching a search in any format (digits only are compared), for the number finder. */
export function findNumbers(ws: Workspace, digits: string, limit = 50): string[] {
  return ws
    .all(
      `SELECT number FROM (SELECT number FROM subscription_log UNION SELECT number FROM subscriptions
         UNION SELECT number FROM contacts UNION SELECT number FROM messages)
       WHERE number = ? OR number = '1' || ? OR number LIKE ? ORDER BY number LIMIT ?`,
      [digits, digits, `%${digits}%`, limit],
    )
    .map((r) => String(r.number));
}
