/**
 * SQL of the desktop services over the loader's Workspace: the precomputed per-number verdict table
 * (`desk_contacts`, one row per number × code × keyword; desk-search.ts pages over it), load-error
 * pages, and the desktop's settings in `meta`.
 */
import type { SqlValue } from 'sql.js';
import type { LoadError } from '../../../shared/ipc/desk-types';
import { NUMBER_TABLES } from './schema';
import type { Workspace } from './workspace';

/**
 * The verdict table, its four search indexes and its group counts (`suffix` keeps index names apart
 * while a rebuild runs: contacts-build.ts). Invariant kept by the build: ids run 1..N without gaps, in
 * number order, so number order is id order and a number prefix is one id range, found without a
 * number index (desk-search.ts). Each index is on one column: SQLite appends the rowid to every index
 * entry, so `(status)` is already ordered by (status, id), and naming `id` as well stored it twice.
 * Status and verdict are integer codes (desk-codes.ts). `desk_counts` holds the row count of each
 * (code, keyword, status, verdict) group, so totals and facets never count the big table.
 */
export const DESK_CONTACTS_DDL = (table: string, counts: string, suffix: string): string[] => [
  `CREATE TABLE ${table} (id INTEGER PRIMARY KEY, number TEXT NOT NULL, code TEXT NOT NULL,
     keyword TEXT NOT NULL, status INTEGER NOT NULL, verdict INTEGER NOT NULL)`,
  ...(['code', 'keyword', 'status', 'verdict'] as const).map((c) => `CREATE INDEX desk_contacts_${c}${suffix} ON ${table}(${c})`),
  `CREATE TABLE ${counts} (code TEXT NOT NULL, keyword TEXT NOT NULL, status INTEGER NOT NULL, verdict INTEGER NOT NULL, n INTEGER NOT NULL)`,
];

export const ensureDeskTables = (ws: Workspace): void => {
  if (ws.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'desk_contacts'") !== null) return;
  for (const sql of DESK_CONTACTS_DDL('desk_contacts', 'desk_counts', '')) ws.db.run(sql);
};

export const getMeta = (ws: Workspace, key: string): string | null => {
  const v = ws.scalar('SELECT value FROM meta WHERE key = ?', [key]);
  return v === null ? null : String(v);
};
export const setMeta = (ws: Workspace, key: string, value: string): void =>
  void ws.db.run('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);

/** Every normalized number any export mentions, sorted. */
export const allNumbers = (ws: Workspace): string[] =>
  ws.all(`SELECT number FROM (${NUMBER_TABLES.map((t) => `SELECT number FROM ${t}`).join(' UNION ')}) WHERE number IS NOT NULL ORDER BY number`).map((r) => String(r.number));

const objects = <T>(ws: Workspace, sql: string, params: SqlValue[]): T[] => ws.all(sql, params) as unknown as T[];

export function facets(ws: Workspace): { codes: string[]; keywords: string[] } {
  ensureDeskTables(ws);
  return {
    codes: ws.all('SELECT DISTINCT code FROM desk_counts ORDER BY code').map((r) => String(r.code)),
    keywords: ws.all("SELECT DISTINCT keyword FROM desk_counts WHERE keyword <> '' ORDER BY keyword").map((r) => String(r.keyword)),
  };
}

export function loadErrorsPage(ws: Workspace, offset: number, limit: number): { total: number; rejected: number; rows: LoadError[] } {
  const total = Number(ws.scalar('SELECT COUNT(*) FROM load_errors'));
  const rejected = Number(ws.scalar("SELECT COUNT(*) FROM load_errors WHERE severity = 'error'"));
  const rows = objects<LoadError>(ws,
    `SELECT s.file_name AS fileName, e.severity AS severity, e.line AS line, e.column_name AS "column", e.raw_value AS value, e.message AS reason
     FROM load_errors e JOIN sources s ON s.id = e.source_id ORDER BY (e.severity <> 'error'), e.source_id, e.line LIMIT ? OFFSET ?`, [limit, offset]);
  return { total, rejected, rows };
}

export const contactsCount = (ws: Workspace): number => {
  ensureDeskTables(ws);
  return Number(ws.scalar('SELECT COALESCE(SUM(n), 0) FROM desk_counts'));
};
