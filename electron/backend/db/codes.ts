/**
 * The `codes` table: every short/long code seen in the keyword dictionary or message tracking, with
 * its CodeID GUID, type, country and the first row citing it (per column, the least value: MIN).
 * Merged, not recomputed: each message tracking file adds its few distinct code rows as it finishes
 * (db/tracking-pairs.ts addMessageKeys, from what the parse worker collected), and the end of each load
 * adds the dictionary's. Recomputing it over every message blocked ~1.1 s per million messages; reading
 * only a load's new messages back in slices still took ~0.4 s of the main thread per million.
 */
import type { Workspace } from './workspace';

/** Candidate rows (code, code_id, country, source_id, line) merged into `codes`: per code, MIN of each column. */
export function mergeCodes(ws: Workspace, fill: (into: string) => void): void {
  ws.db.run('CREATE TEMP TABLE code_parts (code TEXT, code_id TEXT, country TEXT, source_id INTEGER, line INTEGER)');
  try {
    ws.db.run('INSERT INTO code_parts SELECT code, code_id, country, source_id, line FROM codes');
    fill('code_parts');
    ws.db.run('DELETE FROM codes');
    ws.db.run(`INSERT INTO codes (code, code_id, type, country, source_id, line)
      SELECT code, MIN(code_id), CASE WHEN LENGTH(code) <= 8 THEN 'short' ELSE 'long' END, MIN(country), MIN(source_id), MIN(line)
      FROM code_parts GROUP BY code`);
  } finally {
    ws.db.run('DROP TABLE code_parts');
  }
}

/** The keyword dictionary's codes (a small table), at the end of each load. */
export const addDictionaryCodes = (ws: Workspace): void =>
  mergeCodes(ws, (into) => ws.db.run(`INSERT INTO ${into} SELECT code, code_id, country, source_id, line FROM keywords`));
