import { describe, expect, it } from 'vitest';
import { contactsCount } from '../../../electron/backend/db/desk-queries';
import { searchContacts } from '../../../electron/backend/db/desk-search';
import { SCHEMA_VERSION } from '../../../electron/backend/db/migrations';
import { Workspace } from '../../../electron/backend/db/workspace';
import { SCHEMA_V1 } from '../../../electron/backend/db/schema';
import { openSqlJs } from '../../../electron/backend/db/sqljs';
import { BULK_TABLES, type BulkTable } from '../../../electron/backend/db/tables';
import { loadFiles } from '../../../electron/backend/import/load';
import { KeywordResolver } from '../../../electron/backend/history/keywords';
import { trackingKeywordPairs } from '../../../electron/backend/db/queries';
import { explainNumber } from '../../../electron/backend/services/explain';
import { rebuildVerdicts } from '../../../electron/backend/services/verdict-index';
import { defaultRulebook } from '../../../shared/rules';
import { DEMO_SMALL, newWorkspace } from '../../support/backend';

const DEMO_FILES = ['keyword_dictionary.csv', 'sms_subscription_log.csv', 'mobile_subscription.csv', 'sms_message_tracking.csv', 'undeliverable_sms.csv', 'mobile_address.csv'];

/** Rewrites a current workspace as schema 1 wrote it: ISO-text dates, migration 2 not recorded. */
async function asSchema1(bytes: Uint8Array): Promise<Uint8Array> {
  const SQL = await openSqlJs();
  const db = new SQL.Database(bytes);
  for (const t of Object.keys(BULK_TABLES) as BulkTable[]) {
    const cols: readonly string[] = BULK_TABLES[t];
    if (!cols.some((c) => c.endsWith('_at'))) continue;
    db.run(`ALTER TABLE ${t} RENAME TO ${t}_old`);
    for (const sql of SCHEMA_V1.filter((s) => s.startsWith(`CREATE TABLE ${t} (`) || s.includes(` ON ${t}(`))) db.run(sql.replace(`INDEX ${t}_`, `INDEX IF NOT EXISTS ${t}_`));
    const select = cols.map((c) => (c.endsWith('_at') ? `strftime('%Y-%m-%dT%H:%M:%fZ', ${c} / 1000.0, 'unixepoch')` : c));
    db.run(`INSERT INTO ${t} SELECT ${select.join(', ')} FROM ${t}_old`);
    db.run(`DROP TABLE ${t}_old`);
    for (const sql of SCHEMA_V1.filter((s) => s.includes(` ON ${t}(`))) db.run(sql.replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'));
  }
  db.run('DELETE FROM schema_migrations WHERE version > 1');
  expect(db.exec(`SELECT typeof(log_at) FROM subscription_log LIMIT 1`)[0]!.values[0]![0]).toBe('text');
  const out = db.export();
  db.close();
  return out;
}

describe('schema migrations', () => {
  it('2: a schema-1 workspace (ISO-text dates) opens with the same rows as epoch ms and the same explanations', async () => {
    const ws = await newWorkspace();
    for (const f of DEMO_FILES) await loadFiles(ws, [{ path: DEMO_SMALL(f) }]);
    const tables = Object.keys(BULK_TABLES).filter((t) => BULK_TABLES[t as BulkTable].some((c) => c.endsWith('_at')));
    const dump = (w: Workspace): unknown[] => tables.map((t) => w.all(`SELECT * FROM ${t} ORDER BY source_id, line`));
    const numbers = ws.all('SELECT DISTINCT number FROM subscription_log ORDER BY number LIMIT 25').map((r) => String(r.number));
    const old = await Workspace.open(await asSchema1(ws.exportBytes()), { name: 'old' });
    expect(old.scalar('SELECT MAX(version) FROM schema_migrations')).toBe(SCHEMA_VERSION);
    expect(old.scalar(`SELECT COUNT(*) FROM subscription_log WHERE typeof(log_at) <> 'integer' AND log_at IS NOT NULL`)).toBe(0);
    expect(dump(old)).toEqual(dump(ws));
    const rb = defaultRulebook();
    const explain = (w: Workspace, n: string): unknown => ({ ...explainNumber(w, new KeywordResolver(w), rb, n), tookMs: 0 });
    for (const n of numbers) expect(explain(old, n)).toEqual(explain(ws, n));
    // Indexes came back with the rebuilt tables.
    expect(old.all(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'subscription_log'`)).toEqual([{ name: 'subscription_log_number' }]);
  });

  it('3: a workspace with the old verdict table (text status and verdict) opens without it, and it is rebuilt in the new form', async () => {
    const ws = await newWorkspace();
    for (const f of DEMO_FILES) await loadFiles(ws, [{ path: DEMO_SMALL(f) }]);
    await rebuildVerdicts(ws, defaultRulebook());
    const rows = contactsCount(ws);
    const SQL = await openSqlJs();
    const db = new SQL.Database(ws.exportBytes());
    db.run('DROP TABLE desk_contacts; DROP TABLE desk_counts');
    db.run(`CREATE TABLE desk_contacts (id INTEGER PRIMARY KEY, number TEXT NOT NULL, code TEXT NOT NULL, keyword TEXT NOT NULL, status TEXT NOT NULL, verdict TEXT NOT NULL);
      CREATE INDEX desk_contacts_number ON desk_contacts(number, id); INSERT INTO desk_contacts VALUES (1, '15550100343', '12345', 'JOIN', 'OptedIn', 'allowed')`);
    db.run('DELETE FROM schema_migrations WHERE version > 2');
    const old = await Workspace.open(db.export(), { name: 'old' });
    db.close();
    expect(old.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'desk_contacts%'")).toBe(0);
    expect(contactsCount(old)).toBe(0); // what makes the backend rebuild it on open
    await rebuildVerdicts(old, defaultRulebook());
    expect(contactsCount(old)).toBe(rows);
    expect(searchContacts(old, { verdict: 'allowed', limit: 5 })).toEqual(searchContacts(ws, { verdict: 'allowed', limit: 5 }));
  });

  it('4: a workspace without keyword pairs (and with the unused messages_keyword index) opens with them, explaining the same', async () => {
    const ws = await newWorkspace();
    for (const f of DEMO_FILES) await loadFiles(ws, [{ path: DEMO_SMALL(f) }]);
    const SQL = await openSqlJs();
    const db = new SQL.Database(ws.exportBytes());
    db.run('DROP TABLE message_keyword_pairs; CREATE INDEX messages_keyword ON messages(keyword_id)');
    db.run('DELETE FROM schema_migrations WHERE version > 3');
    const old = await Workspace.open(db.export(), { name: 'old' });
    db.close();
    expect(old.scalar('SELECT MAX(version) FROM schema_migrations')).toBe(SCHEMA_VERSION);
    expect(trackingKeywordPairs(old).length).toBeGreaterThan(3);
    expect(trackingKeywordPairs(old)).toEqual(trackingKeywordPairs(ws));
    expect(old.scalar(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'messages_keyword'`)).toBe(0);
    const rb = defaultRulebook();
    const numbers = ws.all('SELECT DISTINCT number FROM messages ORDER BY number LIMIT 25').map((r) => String(r.number));
    for (const n of numbers) expect({ ...explainNumber(old, new KeywordResolver(old), rb, n), tookMs: 0 }).toEqual({ ...explainNumber(ws, new KeywordResolver(ws), rb, n), tookMs: 0 });
  });
});
