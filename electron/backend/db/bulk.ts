/** Writes for a load: sources, bulk rows (one reused prepared statement per table), transactions. */
import type { SqlValue } from 'sql.js';
import { insertRow, lowLevel, statementHandle } from './fast-bind';
import { BULK_TABLES, type BulkRow, type BulkTable } from './tables';
import type { Workspace } from './workspace';

export interface SourceRecord {
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly format: string;
  readonly encoding: string;
  readonly delimiter: string;
  readonly header: readonly string[];
  readonly loadedAt: string;
}

export function insertSource(ws: Workspace, s: SourceRecord): number {
  ws.db.run(
    `INSERT INTO sources (file_name, size_bytes, sha256, format, encoding, delimiter, header_json, loaded_at, rows_loaded, rows_rejected, warnings)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)`,
    [s.fileName, s.sizeBytes, s.sha256, s.format, s.encoding, s.delimiter, JSON.stringify(s.header), s.loadedAt],
  );
  return Number(ws.scalar('SELECT last_insert_rowid()'));
}

/** The hash is known only once the whole file has streamed through; size too for piped input. */
export function finishSource(ws: Workspace, id: number, f: { sha256: string; sizeBytes: number; rowsLoaded: number; rowsRejected: number; warnings: number }): void {
  ws.db.run('UPDATE sources SET sha256 = ?, size_bytes = ?, rows_loaded = ?, rows_rejected = ?, warnings = ? WHERE id = ?', [
    f.sha256, f.sizeBytes, f.rowsLoaded, f.rowsRejected, f.warnings, id,
  ]);
}

/**
 * The positional INSERT of a bulk table, of `rows` rows (row k's column i is parameter k·columns + i);
 * the statement is cached per text by the workspace.
 */
export function insertSql(table: BulkTable, rows = 1): string {
  const cols = BULK_TABLES[table];
  const values = `(${cols.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${Array.from({ length: rows }, () => values).join(', ')}`;
}

/** Inserts rows into one bulk table through one prepared statement with positional binds. */
export class BulkWriter {
  private readonly sqlText: string;
  private readonly api: ReturnType<typeof lowLevel>;
  constructor(
    private readonly ws: Workspace,
    readonly table: BulkTable,
  ) {
    this.api = lowLevel(ws.sqlModule);
    this.sqlText = insertSql(table);
  }

  insert(row: BulkRow): void {
    // Looked up per call (a Map hit) so an export() in between cannot leave a freed statement here.
    const st = this.ws.prepare(this.sqlText);
    // export() reopens the database, so the native db handle is read per call too.
    const dbHandle = (this.ws.db as unknown as { db?: unknown }).db;
    const handle = this.api && typeof dbHandle === 'number' ? statementHandle(this.api, st, this.sqlText) : undefined;
    if (handle !== undefined) {
      insertRow(this.api!, handle, dbHandle as number, row);
      return;
    }
    st.bind(row as SqlValue[]);
    st.step();
    st.reset();
  }
}

export const begin = (ws: Workspace): void => void ws.db.run('BEGIN');
export const commit = (ws: Workspace): void => void ws.db.run('COMMIT');
/** Rolls back if a transaction is open (safe to call from any failure path). */
export function rollback(ws: Workspace): void {
  try {
    ws.db.run('ROLLBACK');
  } catch {
    // No transaction was open: nothing to undo.
  }
}

/** Approximate database size in bytes (page_count × page_size), used to stop before wasm's 2 GiB. */
export const databaseBytes = (ws: Workspace): number =>
  Number(ws.scalar('PRAGMA page_count')) * Number(ws.scalar('PRAGMA page_size'));

export interface LoadErrorRow {
  readonly source: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

/** Load errors and warnings of all (or one) sources, in file/line order, for display and CSV export. */
export function listLoadErrors(ws: Workspace, sourceId?: number, limit = 1_000_000): LoadErrorRow[] {
  return ws
    .all(
      `SELECT s.file_name, e.line, e.column_name, e.raw_value, e.severity, e.code, e.message
       FROM load_errors e JOIN sources s ON s.id = e.source_id
       WHERE (? IS NULL OR e.source_id = ?) ORDER BY e.source_id, e.line LIMIT ?`,
      [sourceId ?? null, sourceId ?? null, limit],
    )
    .map((r) => ({
      source: String(r.file_name),
      line: r.line === null ? null : Number(r.line),
      column: r.column_name === null ? null : String(r.column_name),
      value: r.raw_value === null ? null : String(r.raw_value),
      severity: String(r.severity),
      code: String(r.code),
      message: String(r.message),
    }));
}

/** Per-file unit inside a load's transaction: a bad file is undone alone. */
export const savepoint = (ws: Workspace, name: string): void => void ws.db.run(`SAVEPOINT ${name}`);
export const release = (ws: Workspace, name: string): void => void ws.db.run(`RELEASE ${name}`);
export const rollbackTo = (ws: Workspace, name: string): void => {
  ws.db.run(`ROLLBACK TO ${name}`);
  ws.db.run(`RELEASE ${name}`);
};

/**
 * Drops a table's indexes for a bulk load and returns their DDL: building an index once at the end
 * is much cheaper than random B-tree inserts per row. Runs inside the file's savepoint, so a failed
 * load's rollback restores them too.
 */
export function suspendIndexes(ws: Workspace, table: string): string[] {
  const ddl = ws
    .all(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`, [table])
    .map((r) => ({ name: String(r.name), sql: String(r.sql) }));
  for (const i of ddl) ws.db.run(`DROP INDEX ${i.name}`);
  return ddl.map((i) => i.sql);
}

export function restoreIndexes(ws: Workspace, ddl: readonly string[]): void {
  for (const sql of ddl) ws.db.run(sql);
}

/** SQLite's default page cache (2 MB), restored after loads and verdict builds. */
export const DEFAULT_CACHE_KIB = 2_000;
/** SQLite page cache size in KiB (negative PRAGMA value = KiB). */
export const setCacheSize = (ws: Workspace, kib: number): void => void ws.db.run(`PRAGMA cache_size = -${Math.max(1, Math.round(kib))}`);
