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

/**
 * Where a reconstruction reads one number's rows of one table: the workspace (explain, one number at a
 * time) or rows read in bulk (db/evidence-stream.ts; the verdict table, in this thread or a worker),
 * so reconstructing many numbers in a row pays no query per table per number.
 */
export type RowsOf = (table: EvidenceTable, number: string) => Row[];

/** A number's rows per table, as a bulk read hands them over (callers only ask for numbers it holds). */
export type EvidenceBatch = ReadonlyMap<EvidenceTable, ReadonlyMap<string, Row[]>>;

export const rowsFromBatch = (batch: EvidenceBatch): RowsOf => (table, number) => batch.get(table)?.get(number) ?? [];

export const rowsFromWorkspace = (ws: Workspace): RowsOf => (table, number) => rowsForNumber(ws, table, number);

/** All rows of one evidence table for a normalized number, with the citing file name and hash. */
export function rowsForNumber(ws: Workspace, table: EvidenceTable, number: string): Row[] {
  return ws.all(
    `SELECT t.*, s.file_name AS file_name, s.sha256 AS sha256 FROM ${table} t JOIN sources s ON s.id = t.source_id
     WHERE t.number = ? ORDER BY ${EVIDENCE_ORDER[table]}`,
    [number],
  );
}

/** Dictionary rows (most recent load last, so it wins). */
export const dictionaryRows = (ws: Workspace): Row[] =>
  ws.all('SELECT keyword_id, keyword, code, code_id, kind, opt_in, valid_responses, window_hours, country FROM keywords ORDER BY source_id, line');

/** KeywordID ↔ SharedKeyword and CodeID ↔ ShortCode pairs seen in message tracking, in the order they first appear in the files (db/tracking-pairs.ts). */
export const trackingKeywordPairs = (ws: Workspace): Row[] =>
  ws.all('SELECT keyword_id, shared_keyword, code_id, short_code FROM message_keyword_pairs ORDER BY first_row');
