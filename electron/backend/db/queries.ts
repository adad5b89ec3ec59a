/** Read queries for one number's evidence and for keyword/code GUID resolution. */
import type { SqlValue } from 'sql.js';
import type { Workspace } from './workspace';

export type Row = Record<string, SqlValue>;

const ORDER: Record<string, string> = {
  subscription_log: 'COALESCE(t.log_at, t.opt_out_at, t.opt_in_at), t.source_id, t.line',
  messages: 't.created_at, t.source_id, t.line',
  subscriptions: 't.source_id, t.line',
  contacts: 't.source_id, t.line',
  undeliverable: 't.source_id, t.line',
  import_rows: 't.source_id, t.line',
};

type Prefetched = Map<string, Map<string, Row[]>>;
const prefetched = new WeakMap<Workspace, Prefetched>();

/**
 * Reads every evidence row of the numbers in [from, to] with one query per table (no join; file name
 * and hash added from a sources map), so reconstructing many numbers in a row (the desktop's verdict
 * table) does not pay a joined, sorted query per table per number. `rowsForNumber` serves from it
 * until `clearPrefetch`; callers only ask for numbers inside the range.
 */
export function prefetchNumbers(ws: Workspace, from: string, to: string): void {
  const sources = new Map(ws.all('SELECT id, file_name, sha256 FROM sources').map((r) => [Number(r.id), r]));
  const byTable: Prefetched = new Map();
  for (const table of Object.keys(ORDER)) {
    const groups = new Map<string, Row[]>();
    const st = ws.prepare(`SELECT * FROM ${table} t WHERE t.number BETWEEN ? AND ? ORDER BY t.number, ${ORDER[table]}`);
    st.bind([from, to]);
    const cols = st.getColumnNames();
    while (st.step()) {
      const values = st.get();
      const row: Row = {};
      for (let i = 0; i < cols.length; i++) row[cols[i]!] = values[i] ?? null;
      const src = sources.get(Number(row.source_id));
      row.file_name = src?.file_name ?? null;
      row.sha256 = src?.sha256 ?? null;
      const key = String(row.number);
      const list = groups.get(key);
      if (list) list.push(row);
      else groups.set(key, [row]);
    }
    st.reset();
    byTable.set(table, groups);
  }
  prefetched.set(ws, byTable);
}

export const clearPrefetch = (ws: Workspace): void => void prefetched.delete(ws);

/** All rows of one evidence table for a normalized number, with the citing file name and hash. */
export function rowsForNumber(ws: Workspace, table: keyof typeof ORDER, number: string): Row[] {
  const pre = prefetched.get(ws);
  if (pre) return pre.get(table)?.get(number) ?? [];
  return ws.all(
    `SELECT t.*, s.file_name AS file_name, s.sha256 AS sha256 FROM ${table} t JOIN sources s ON s.id = t.source_id
     WHERE t.number = ? ORDER BY ${ORDER[table]}`,
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
