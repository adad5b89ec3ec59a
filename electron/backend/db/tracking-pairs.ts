/**
 * `message_keyword_pairs`: every distinct KeywordID ↔ SharedKeyword / CodeID ↔ ShortCode combination in
 * message tracking, with where it first appears (source id · 2^32 + line). KeywordResolver reads them in
 * that order, so a combination later in the files overrides an earlier one. Each tracking file merges
 * the combinations its parse collected (import/message-keys.ts) as it finishes, inside its savepoint;
 * reading them off the messages blocked ~0.4 s per million messages each time the keyword map was built
 * (after each load and open, and at each verdict build).
 */
import type { MessageKey } from '../import/message-keys';
import { mergeCodes } from './codes';
import type { Workspace } from './workspace';

/** A message row that names a keyword or a code both ways. */
export const PAIR_ROWS = '(keyword_id IS NOT NULL AND shared_keyword IS NOT NULL) OR (code_id IS NOT NULL AND short_code IS NOT NULL)';
const FIRST_ROW = 'source_id * 4294967296 + line';

/** Schema 4: the table, filled from the messages already loaded (a workspace saved before it). */
export const SCHEMA_V4_PAIRS: readonly string[] = [
  'DROP TABLE IF EXISTS message_keyword_pairs',
  'CREATE TABLE message_keyword_pairs (keyword_id TEXT, shared_keyword TEXT, code_id TEXT, short_code TEXT, first_row INTEGER NOT NULL)',
  `INSERT INTO message_keyword_pairs SELECT keyword_id, shared_keyword, code_id, short_code, MIN(${FIRST_ROW}) FROM messages WHERE ${PAIR_ROWS} GROUP BY 1, 2, 3, 4`,
  // No query looks messages up by keyword GUID; keeping this index up to date was a third of a tracking load's inserts.
  'DROP INDEX IF EXISTS messages_keyword',
];

/** Merges a tracking file's combinations into `message_keyword_pairs` and `codes`. */
export function addMessageKeys(ws: Workspace, sourceId: number, keys: readonly MessageKey[]): void {
  if (keys.length === 0) return;
  ws.db.run('CREATE TEMP TABLE key_parts (keyword_id TEXT, shared_keyword TEXT, code_id TEXT, short_code TEXT, source_id INTEGER, line INTEGER)');
  try {
    const st = ws.db.prepare('INSERT INTO key_parts VALUES (?, ?, ?, ?, ?, ?)');
    try {
      for (const [k, s, c, sc, line] of keys) st.run([k, s, c, sc, sourceId, line]);
    } finally {
      st.free();
    }
    ws.db.run(`INSERT INTO message_keyword_pairs SELECT keyword_id, shared_keyword, code_id, short_code, MIN(${FIRST_ROW}) FROM key_parts p
      WHERE (${PAIR_ROWS}) AND NOT EXISTS (SELECT 1 FROM message_keyword_pairs q WHERE q.keyword_id IS p.keyword_id
        AND q.shared_keyword IS p.shared_keyword AND q.code_id IS p.code_id AND q.short_code IS p.short_code)
      GROUP BY 1, 2, 3, 4`);
    mergeCodes(ws, (into) => ws.db.run(`INSERT INTO ${into} SELECT short_code, code_id, NULL, source_id, line FROM key_parts WHERE short_code IS NOT NULL`));
  } finally {
    ws.db.run('DROP TABLE key_parts');
  }
}
