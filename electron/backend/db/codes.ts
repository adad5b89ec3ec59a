/**
 * The `codes` table: every short/long code seen in the keyword dictionary or message tracking, with
 * its CodeID GUID, type, country and the first row citing it (per column, the least value: MIN).
 * Rebuilt at the end of each load from what it held, the dictionary, and only the message rows this
 * load added, read in rowid slices with a yield between them: recomputing it over every message in
 * one statement blocked the event loop ~1.1 s per million messages. Exact because loads only add
 * rows and every load ends here (a failed or cancelled load rolls the table back with the rest).
 */
import type { Workspace } from './workspace';

/** Message rows aggregated per statement: ~1 µs a row, so one slice stays well under the 25 ms load slice. */
const SLICE_ROWS = 16_384;

/** The highest message rowid now (0 when empty): the rows a load adds come after it. */
export const lastMessageRowid = (ws: Workspace): number => Number(ws.scalar('SELECT COALESCE(MAX(rowid), 0) FROM messages'));

export async function refreshCodes(ws: Workspace, messagesAfter: number, pause: () => Promise<void>): Promise<void> {
  const last = lastMessageRowid(ws);
  ws.db.run('CREATE TEMP TABLE code_parts (code TEXT, code_id TEXT, country TEXT, source_id INTEGER, line INTEGER)');
  try {
    ws.db.run('INSERT INTO code_parts SELECT code, code_id, country, source_id, line FROM codes');
    ws.db.run('INSERT INTO code_parts SELECT code, code_id, country, source_id, line FROM keywords');
    for (let from = messagesAfter + 1; from <= last; from += SLICE_ROWS) {
      ws.db.run(
        `INSERT INTO code_parts SELECT short_code, MIN(code_id), NULL, MIN(source_id), MIN(line) FROM messages
         WHERE rowid BETWEEN ? AND ? AND short_code IS NOT NULL GROUP BY short_code`,
        [from, Math.min(last, from + SLICE_ROWS - 1)],
      );
      await pause();
    }
    ws.db.run('DELETE FROM codes');
    ws.db.run(`INSERT INTO codes (code, code_id, type, country, source_id, line)
      SELECT code, MIN(code_id), CASE WHEN LENGTH(code) <= 8 THEN 'short' ELSE 'long' END, MIN(country), MIN(source_id), MIN(line)
      FROM code_parts GROUP BY code`);
  } finally {
    ws.db.run('DROP TABLE code_parts');
  }
}
