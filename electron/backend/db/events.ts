/**
 * The `events` table: derived events of a number, cached after reconstruction so lists and audits
 * need not rebuild them. Each row cites its first evidence row (source id + line).
 */
import type { ScenarioEvent } from '../../../shared/model/event';
import type { Workspace } from './workspace';

export function saveDerivedEvents(ws: Workspace, number: string, events: readonly ScenarioEvent[]): void {
  const sources = new Map(ws.all('SELECT id, file_name, sha256 FROM sources').map((r) => [`${String(r.file_name)}|${String(r.sha256)}`, Number(r.id)]));
  ws.db.run('SAVEPOINT derived_events');
  try {
    ws.db.run('DELETE FROM events WHERE number = ?', [number]);
    const st = ws.prepare('INSERT INTO events (id, number, at, type, code, keyword, payload_json, source_id, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const e of events) {
      const c = e.evidence?.[0];
      const sourceId = c ? sources.get(`${c.file}|${c.sha256}`) : undefined;
      if (!c || sourceId === undefined) continue; // hand-written or hypothetical events are not evidence
      st.run([`${number}:${e.id}`, number, e.at, e.type, 'code' in e ? e.code : null, 'keyword' in e ? (e.keyword ?? null) : null, JSON.stringify(e), sourceId, c.line]);
    }
    ws.db.run('RELEASE derived_events');
  } catch (err) {
    ws.db.run('ROLLBACK TO derived_events');
    ws.db.run('RELEASE derived_events');
    throw err;
  }
}

export function loadDerivedEvents(ws: Workspace, number: string): ScenarioEvent[] {
  return ws.all('SELECT payload_json FROM events WHERE number = ? ORDER BY at, rowid', [number]).map((r) => JSON.parse(String(r.payload_json)) as ScenarioEvent);
}
