/** Numbered, recorded migrations: each runs once, in order, inside one transaction with its record. */
import type { Database } from 'sql.js';
import { SCHEMA_V1, SCHEMA_V2_DATES } from './schema';
import { SCHEMA_V4_PAIRS } from './tracking-pairs';

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', statements: SCHEMA_V1 },
  { version: 2, name: 'dates as epoch milliseconds', statements: SCHEMA_V2_DATES },
  // The verdict table is derived: a workspace whose table has the old shape (text status and verdict,
  // no desk_counts) drops it, and opening it builds the new one (backend.ts openPath).
  { version: 3, name: 'compact verdict table', statements: ['DROP TABLE IF EXISTS desk_contacts', 'DROP TABLE IF EXISTS desk_contacts_next'] },
  { version: 4, name: 'keyword pairs from message tracking', statements: SCHEMA_V4_PAIRS },
];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function currentVersion(db: Database): number {
  const hasTable = db.exec(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).length > 0;
  if (!hasTable) return 0;
  const v = db.exec('SELECT MAX(version) FROM schema_migrations')[0]?.values[0]?.[0];
  return typeof v === 'number' ? v : 0;
}

/** Brings the database up to SCHEMA_VERSION; returns the versions applied. */
export function migrate(db: Database, now: () => string = () => new Date().toISOString()): number[] {
  db.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const from = currentVersion(db);
  if (from > SCHEMA_VERSION) throw new Error(`workspace schema version ${from} is newer than this app supports (${SCHEMA_VERSION})`);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue;
    db.run('BEGIN');
    try {
      for (const s of m.statements) db.run(s);
      db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, now()]);
      db.run('COMMIT');
    } catch (e) {
      db.run('ROLLBACK');
      throw e;
    }
    applied.push(m.version);
  }
  return applied;
}
