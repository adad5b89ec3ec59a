/**
 * SQL of the desktop services over the loader's Workspace: the precomputed per-number verdict table
 * (`desk_contacts`, one row per number × code × keyword) that search pages over, load-error pages,
 * and the desktop's settings in `meta`.
 */
import type { SqlValue } from 'sql.js';
import type { ContactQuery, ContactRow, LoadError } from '../../../shared/ipc/desk-types';
import { contactWhere, decodeCursor, encodeCursor, SORT_COLUMNS } from './contact-query';
import { NUMBER_TABLES } from './schema';
import type { Workspace } from './workspace';

/** The table and its five search indexes (`suffix` keeps index names apart while a rebuild runs: contacts-build.ts). */
export const DESK_CONTACTS_DDL = (table: string, suffix: string): string[] => [
  `CREATE TABLE ${table} (id INTEGER PRIMARY KEY, number TEXT NOT NULL, code TEXT NOT NULL,
     keyword TEXT NOT NULL, status TEXT NOT NULL, verdict TEXT NOT NULL)`,
  ...(['number', 'code', 'keyword', 'status', 'verdict'] as const).map((c) => `CREATE INDEX desk_contacts_${c}${suffix} ON ${table}(${c}, id)`),
];

export const ensureDeskTables = (ws: Workspace): void => {
  if (ws.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'desk_contacts'") !== null) return;
  for (const sql of DESK_CONTACTS_DDL('desk_contacts', '')) ws.db.run(sql);
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

export function searchContacts(ws: Workspace, q: ContactQuery): { total: number | null; rows: ContactRow[]; next: string | null } {
  ensureDeskTables(ws);
  const col = SORT_COLUMNS[q.sort ?? 'number'];
  const dir = q.descending ? 'DESC' : 'ASC';
  const { where, params } = contactWhere(q);
  const clause = (w: readonly string[]) => (w.length ? ` WHERE ${w.join(' AND ')}` : '');
  const total = q.withTotal === false ? null : Number(ws.scalar(`SELECT COUNT(*) FROM desk_contacts${clause(where)}`, params));
  const page = [...where];
  const pageParams: SqlValue[] = [...params];
  const cursor = q.after ? decodeCursor(q.after) : null;
  if (cursor) {
    const op = q.descending ? '<' : '>';
    page.push(`(${col} ${op} ? OR (${col} = ? AND id ${op} ?))`);
    pageParams.push(cursor.key, cursor.key, cursor.id);
  }
  const found = objects<ContactRow & { sortKey: string }>(ws,
    `SELECT id, number AS mobileNumber, code, keyword, status, verdict, ${col} AS sortKey FROM desk_contacts${clause(page)} ORDER BY ${col} ${dir}, id ${dir} LIMIT ? OFFSET ?`,
    [...pageParams, q.limit + 1, cursor ? 0 : q.offset ?? 0]);
  const list = found.slice(0, q.limit);
  const last = list[list.length - 1];
  return {
    total,
    rows: list.map(({ sortKey: _s, ...r }) => r),
    next: found.length > q.limit && last ? encodeCursor(last.sortKey, last.id) : null,
  };
}

export function facets(ws: Workspace): { codes: string[]; keywords: string[] } {
  ensureDeskTables(ws);
  return {
    codes: ws.all('SELECT DISTINCT code FROM desk_contacts ORDER BY code').map((r) => String(r.code)),
    keywords: ws.all("SELECT DISTINCT keyword FROM desk_contacts WHERE keyword <> '' ORDER BY keyword").map((r) => String(r.keyword)),
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
  return Number(ws.scalar('SELECT COUNT(*) FROM desk_contacts'));
};
