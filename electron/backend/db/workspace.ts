/**
 * The Workspace owns the one sql.js Database: open empty or from saved bytes, export bytes, summary.
 * Everything that touches SQL goes through the db/ modules that take a Workspace.
 */
import type { Database, SqlJsStatic, SqlValue, Statement } from 'sql.js';
import type { SourceSummary, WorkspaceSummary } from '../../../shared/ipc/contract';
import { migrate, SCHEMA_VERSION } from './migrations';
import { NUMBERS_SQL } from './number-count';
import { openSqlJs } from './sqljs';

const APP_MARKER = 'opttrace-workspace';
const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** A file that cannot become the workspace; the current workspace is left exactly as it was. */
export class WorkspaceOpenError extends Error {
  constructor(
    message: string,
    readonly reason: 'not-sqlite' | 'not-opttrace' | 'corrupt' | 'too-new',
  ) {
    super(message);
    this.name = 'WorkspaceOpenError';
  }
}

export interface WorkspaceOptions {
  readonly name?: string;
  readonly isDemo?: boolean;
  readonly wasmPath?: string;
  /** Workspace.open: the bytes were read for this workspace alone (services/workspace-file.ts), so sql.js may keep and write them. */
  readonly ownsBytes?: boolean;
}

/**
 * 32 KB pages for new workspaces (SQLite's default is 4 KB): a million-row insert into a table plus
 * its number index runs faster in sql.js with fewer, larger pages to split, cache and write through
 * MEMFS. 16 KB beat 4 KB by 10-20 %; once inserts went in 64 rows a statement, 32 KB beat 16 KB by
 * ~3 % (1M-row cold loads, four alternating pairs), with searches, explain and save unchanged.
 * OPTTRACE_PAGE_SIZE overrides it (benchmarks, troubleshooting).
 */
const PAGE_SIZE = Number(process.env.OPTTRACE_PAGE_SIZE ?? 32_768);

// In-memory journal: rollback still works (loads rely on it) without sql.js's slow MEMFS journal file.
const configure = (db: Database): void => {
  db.exec('PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF;');
};

export class Workspace {
  name: string;
  isDemo: boolean;
  dirty = false;
  private statements = new Map<string, Statement>();

  private constructor(
    private readonly sql: SqlJsStatic,
    private database: Database,
    opts: WorkspaceOptions,
  ) {
    this.name = opts.name ?? 'Untitled workspace';
    this.isDemo = opts.isDemo ?? false;
  }

  /** A new, empty workspace at the current schema version. */
  static async create(opts: WorkspaceOptions = {}): Promise<Workspace> {
    const sql = await openSqlJs(opts.wasmPath);
    const db = new sql.Database();
    db.exec(`PRAGMA page_size = ${PAGE_SIZE}`); // before the first table: fixed for the file's life
    configure(db);
    migrate(db);
    db.run('INSERT INTO meta (key, value) VALUES (?, ?)', ['app', APP_MARKER]);
    return new Workspace(sql, db, opts);
  }

  /** Opens saved workspace bytes; throws WorkspaceOpenError for a foreign or corrupt file. */
  static async open(bytes: Uint8Array, opts: WorkspaceOptions = {}): Promise<Workspace> {
    const sql = await openSqlJs(opts.wasmPath);
    return new Workspace(sql, openValidated(sql, bytes, opts.ownsBytes), opts);
  }

  /** Replaces this workspace's database with saved bytes; on any error this workspace is untouched. */
  replaceWith(bytes: Uint8Array, name?: string): void {
    const next = openValidated(this.sql, bytes);
    this.freeStatements();
    this.database.close();
    this.database = next;
    this.dirty = false;
    this.isDemo = false;
    if (name) this.name = name;
  }

  /** The sql.js module (for db/fast-bind.ts). */
  get sqlModule(): SqlJsStatic {
    return this.sql;
  }

  /** The raw Database, for db/ modules only. */
  get db(): Database {
    return this.database;
  }

  /** A cached prepared statement; rebuilt after export() (which invalidates them in sql.js). */
  prepare(sqlText: string): Statement {
    let st = this.statements.get(sqlText);
    if (!st) {
      st = this.database.prepare(sqlText);
      this.statements.set(sqlText, st);
    }
    return st;
  }

  /** All rows of a query as objects (small result sets only). */
  all(sqlText: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
    const st = this.prepare(sqlText);
    st.bind(params);
    const out: Record<string, SqlValue>[] = [];
    while (st.step()) out.push(st.getAsObject());
    st.reset();
    return out;
  }

  scalar(sqlText: string, params: SqlValue[] = []): SqlValue {
    const st = this.prepare(sqlText);
    st.bind(params);
    const v = st.step() ? (st.get()[0] ?? null) : null;
    st.reset();
    return v;
  }

  /**
   * The database file's bytes as they are, without a copy (sqljs-glue.ts patchFileAccess), for a save:
   * sql.js's export copies the file page by page first (~0.4 s and the file's size again in memory at
   * 220 MB). `untouched()` says whether nothing has written to the file since, which the save checks
   * before it renames the written copy into place. Null when this sql.js build has no such access, or
   * a transaction is open (nothing committed may be half-written): the save exports instead.
   */
  liveFile(): { bytes: Uint8Array; untouched(): boolean } | null {
    const access = fileAccess(this.database);
    if (!access) return null;
    try {
      this.database.exec('BEGIN');
    } catch {
      return null; // already in a transaction
    }
    this.database.exec('ROLLBACK');
    access.mark();
    return { bytes: access.bytes(), untouched: () => access.marked() };
  }

  /** The database file's bytes (for saving). The dirty flag stays: the caller clears it once the bytes are safely written. */
  exportBytes(): Uint8Array {
    // sql.js 1.16 (pinned) copies through SQLite's backup API and keeps the connection open: prepared
    // statements and per-connection pragmas survive (the workspace test checks both).
    return this.database.export();
  }

  /** `numbers`: the distinct number count when the caller counted it already (db/number-count.ts, in slices). */
  summary(numbers?: number): WorkspaceSummary {
    const sources: SourceSummary[] = this.all(
      'SELECT id, file_name, format, size_bytes, sha256, loaded_at, rows_loaded, rows_rejected FROM sources ORDER BY id',
    ).map((r) => ({
      id: Number(r.id),
      fileName: String(r.file_name),
      format: String(r.format),
      sizeBytes: Number(r.size_bytes),
      sha256: String(r.sha256),
      loadedAt: String(r.loaded_at),
      rowsLoaded: Number(r.rows_loaded),
      rowsRejected: Number(r.rows_rejected),
    }));
    const n = (q: string): number => Number(this.scalar(q) ?? 0);
    return {
      name: this.name,
      isDemo: this.isDemo,
      dirty: this.dirty,
      schemaVersion: SCHEMA_VERSION,
      sources,
      counts: {
        numbers: numbers ?? n(NUMBERS_SQL),
        contacts: n('SELECT COUNT(*) FROM contacts'),
        subscriptions: n('SELECT COUNT(*) FROM subscriptions'),
        events: n('SELECT COUNT(*) FROM subscription_log') + n('SELECT COUNT(*) FROM messages'),
        loadErrors: n(`SELECT COUNT(*) FROM load_errors WHERE severity = 'error'`),
      },
    };
  }

  /** Row counts of every table: a cheap fingerprint used by tests and the "nothing changed" checks. */
  tableCounts(): Record<string, number> {
    const names = this.all(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).map((r) => String(r.name));
    return Object.fromEntries(names.map((t) => [t, Number(this.scalar(`SELECT COUNT(*) FROM "${t}"`))]));
  }

  close(): void {
    this.freeStatements();
    this.database.close();
  }

  private freeStatements(): void {
    for (const st of this.statements.values()) st.free();
    this.statements.clear();
  }
}

/** The database file's MEMFS node, through the patched glue's method (sqljs-glue.ts patchFileAccess), when there is one. */
interface FileAccess {
  bytes(): Uint8Array;
  mark(): void;
  marked(): boolean;
  /** `own`: the file's buffer may become the reservation itself (it is one, and nobody else holds it). */
  reserve(own?: boolean): void;
}
const fileAccess = (db: Database): FileAccess | undefined => (db as unknown as { opttraceFile?: () => FileAccess }).opttraceFile?.();

function openValidated(sql: SqlJsStatic, bytes: Uint8Array, own = false): Database {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(16, bytes.length)).toString('latin1');
  if (bytes.length < 100 || head !== SQLITE_MAGIC) {
    throw new WorkspaceOpenError('This file is not an OptTrace workspace (it is not an SQLite database).', 'not-sqlite');
  }
  let db: Database | undefined;
  try {
    db = new sql.Database(bytes);
    // The file's bytes go into the growth reservation now, in the open the analyst waits for anyway,
    // and the caller's buffer (which MEMFS took as the file) is never written to.
    fileAccess(db)?.reserve(own);
    const marker = db.exec(`SELECT value FROM meta WHERE key = 'app'`)[0]?.values[0]?.[0];
    if (marker !== APP_MARKER) throw new WorkspaceOpenError('This SQLite file is not an OptTrace workspace (no OptTrace marker).', 'not-opttrace');
    const check = db.exec('PRAGMA quick_check')[0]?.values[0]?.[0];
    if (check !== 'ok') throw new WorkspaceOpenError(`The workspace file is damaged: ${String(check)}.`, 'corrupt');
    configure(db);
    migrate(db);
    return db;
  } catch (e) {
    db?.close();
    if (e instanceof WorkspaceOpenError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/newer than this app/.test(msg)) throw new WorkspaceOpenError(`The workspace was saved by a newer OptTrace: ${msg}.`, 'too-new');
    if (/no such table/.test(msg)) throw new WorkspaceOpenError('This SQLite file is not an OptTrace workspace (no OptTrace tables).', 'not-opttrace');
    throw new WorkspaceOpenError(`The workspace file is damaged or unreadable: ${msg}.`, 'corrupt');
  }
}
