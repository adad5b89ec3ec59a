/** All SQL of the desktop services: one class over a sql.js Database, prepared statements, bulk writes in transactions. */
import type { Database, SqlValue } from 'sql.js';
import type { ContactQuery, ContactRow, LoadError, SourceSummaryRow } from './desk-store-types';
import { APP_ID, SCHEMA_SQL, SCHEMA_VERSION } from './desk-schema';
import { contactWhere, decodeCursor, encodeCursor, SORT_COLUMNS } from './contact-query';

export type { SourceSummaryRow } from './desk-store-types';

export interface EventRow {
  readonly id: number;
  readonly sourceId: number;
  readonly line: number;
  readonly number: string;
  readonly at: string;
  readonly atMs: number;
  readonly type: string;
  readonly code: string;
  readonly keyword: string | null;
  readonly text: string | null;
  readonly status: string | null;
  readonly delivered: number | null;
}
export type NewEvent = Omit<EventRow, 'id' | 'sourceId'>;
export interface CurrentRow { readonly sourceId: number; readonly line: number; readonly number: string; readonly code: string; readonly keyword: string; readonly status: string }

const rows = <T>(db: Database, sql: string, params: SqlValue[] = []): T[] => {
  const st = db.prepare(sql);
  try {
    st.bind(params);
    const out: T[] = [];
    while (st.step()) out.push(st.getAsObject() as T);
    return out;
  } finally {
    st.free();
  }
};
const scalar = (db: Database, sql: string, params: SqlValue[] = []): SqlValue => db.exec(sql, params)[0]?.values[0]?.[0] ?? null;

export class DeskStore {
  constructor(readonly db: Database) {}

  static init(db: Database, meta: Record<string, string>): DeskStore {
    db.exec(SCHEMA_SQL);
    const s = new DeskStore(db);
    s.setMeta({ app: APP_ID, schemaVersion: String(SCHEMA_VERSION), ...meta });
    return s;
  }

  /** Checks an opened file is an OptTrace workspace of a known version; returns the problem or null. */
  static problem(db: Database): string | null {
    try {
      const tables = new Set(rows<{ name: string }>(db, "select name from sqlite_master where type = 'table'").map((r) => r.name));
      for (const t of ['meta', 'sources', 'events', 'contacts', 'load_errors', 'current_state']) if (!tables.has(t)) return `it has no "${t}" table, so it is not an OptTrace workspace`;
      if (scalar(db, "select value from meta where key = 'app'") !== APP_ID) return 'it is not an OptTrace workspace';
      const v = Number(scalar(db, "select value from meta where key = 'schemaVersion'"));
      if (v !== SCHEMA_VERSION) return `it was written by another version of OptTrace (schema ${v}, this version reads ${SCHEMA_VERSION})`;
      return null;
    } catch (error) {
      return `it could not be read as SQLite (${error instanceof Error ? error.message : String(error)})`;
    }
  }

  meta(key: string): string | null {
    const v = scalar(this.db, 'select value from meta where key = ?', [key]);
    return v === null ? null : String(v);
  }
  setMeta(values: Record<string, string>): void {
    for (const [k, v] of Object.entries(values)) this.db.run('insert into meta(key, value) values (?, ?) on conflict(key) do update set value = excluded.value', [k, v]);
  }

  begin(): void { this.db.exec('begin'); }
  commit(): void { this.db.exec('commit'); }
  rollback(): void {
    try {
      this.db.exec('rollback');
    } catch {
      // no transaction open: nothing to undo
    }
  }

  addSource(s: { fileName: string; format: string; sizeBytes: number; sha256: string; loadedAt: string }): number {
    this.db.run('insert into sources(file_name, format, size_bytes, sha256, loaded_at, rows_loaded, rows_rejected) values (?,?,?,?,?,0,0)', [s.fileName, s.format, s.sizeBytes, s.sha256, s.loadedAt]);
    return Number(scalar(this.db, 'select last_insert_rowid()'));
  }
  finishSource(id: number, loaded: number, rejected: number): void {
    this.db.run('update sources set rows_loaded = ?, rows_rejected = ? where id = ?', [loaded, rejected, id]);
  }
  sources(): SourceSummaryRow[] {
    return rows(this.db, 'select id, file_name as fileName, format, size_bytes as sizeBytes, sha256, loaded_at as loadedAt, rows_loaded as rowsLoaded, rows_rejected as rowsRejected from sources order by id');
  }

  insertEvents(sourceId: number, events: readonly NewEvent[]): void {
    const st = this.db.prepare('insert into events(source_id, line, number, at, at_ms, type, code, keyword, text, status, delivered) values (?,?,?,?,?,?,?,?,?,?,?)');
    try {
      for (const e of events) st.run([sourceId, e.line, e.number, e.at, e.atMs, e.type, e.code, e.keyword, e.text, e.status, e.delivered]);
    } finally {
      st.free();
    }
  }
  insertCurrent(sourceId: number, current: readonly Omit<CurrentRow, 'sourceId'>[]): void {
    const st = this.db.prepare('insert into current_state(source_id, line, number, code, keyword, status) values (?,?,?,?,?,?)');
    try {
      for (const c of current) st.run([sourceId, c.line, c.number, c.code, c.keyword, c.status]);
    } finally {
      st.free();
    }
  }
  insertErrors(sourceId: number, errors: readonly { line: number; column: string; value: string; reason: string }[]): void {
    const st = this.db.prepare('insert into load_errors(source_id, line, col, value, reason) values (?,?,?,?,?)');
    try {
      for (const e of errors) st.run([sourceId, e.line, e.column, e.value, e.reason]);
    } finally {
      st.free();
    }
  }

  allEvents(): EventRow[] {
    return rows(this.db, 'select id, source_id as sourceId, line, number, at, at_ms as atMs, type, code, keyword, text, status, delivered from events order by at_ms, id');
  }
  eventsOf(number: string): EventRow[] {
    return rows(this.db, 'select id, source_id as sourceId, line, number, at, at_ms as atMs, type, code, keyword, text, status, delivered from events where number = ? order by at_ms, id', [number]);
  }
  currentOf(number: string): CurrentRow[] {
    return rows(this.db, 'select source_id as sourceId, line, number, code, keyword, status from current_state where number = ?', [number]);
  }
  /** Code → keywords seen anywhere (events and current state), for the inferred code dictionary. */
  keywordsByCode(): { code: string; keyword: string }[] {
    return rows(this.db, "select distinct code, keyword from events where keyword is not null and keyword <> '' union select distinct code, keyword from current_state");
  }
  codesWithTexts(): { code: string; text: string }[] {
    return rows(this.db, "select distinct code, text from events where type = 'mo' and text is not null");
  }

  replaceContacts(contacts: readonly Omit<ContactRow, 'id'>[]): void {
    this.db.exec('delete from contacts');
    const st = this.db.prepare('insert into contacts(number, code, keyword, status, verdict) values (?,?,?,?,?)');
    try {
      for (const c of contacts) st.run([c.mobileNumber, c.code, c.keyword, c.status, c.verdict]);
    } finally {
      st.free();
    }
  }

  searchContacts(q: ContactQuery): { total: number | null; rows: ContactRow[]; next: string | null } {
    const sort = q.sort ?? 'number';
    const col = SORT_COLUMNS[sort];
    const dir = q.descending ? 'desc' : 'asc';
    const { where, params } = contactWhere(q);
    const total = q.withTotal === false ? null : Number(scalar(this.db, `select count(*) from contacts${where.length ? ` where ${where.join(' and ')}` : ''}`, params));
    const page = [...where];
    const pageParams = [...params];
    const cursor = q.after ? decodeCursor(q.after) : null;
    if (cursor) {
      const op = q.descending ? '<' : '>';
      page.push(`(${col} ${op} ? or (${col} = ? and id ${op} ?))`);
      pageParams.push(cursor.key, cursor.key, cursor.id);
    }
    const sql = `select id, number as mobileNumber, code, keyword, status, verdict, ${col} as sortKey from contacts${page.length ? ` where ${page.join(' and ')}` : ''} order by ${col} ${dir}, id ${dir} limit ? offset ?`;
    const found = rows<ContactRow & { sortKey: string }>(this.db, sql, [...pageParams, q.limit + 1, cursor ? 0 : q.offset ?? 0]);
    const more = found.length > q.limit;
    const list = found.slice(0, q.limit);
    const last = list[list.length - 1];
    return {
      total,
      rows: list.map(({ sortKey: _s, ...r }) => r),
      next: more && last ? encodeCursor(last.sortKey, last.id) : null,
    };
  }
  facets(): { codes: string[]; keywords: string[] } {
    return {
      codes: rows<{ code: string }>(this.db, 'select distinct code from contacts order by code').map((r) => r.code),
      keywords: rows<{ keyword: string }>(this.db, 'select distinct keyword from contacts order by keyword').map((r) => r.keyword),
    };
  }

  loadErrors(offset: number, limit: number): { total: number; rows: LoadError[] } {
    const total = Number(scalar(this.db, 'select count(*) from load_errors'));
    const list = rows<LoadError>(this.db, 'select e.source_id as sourceId, s.file_name as fileName, e.line, e.col as column, e.value, e.reason from load_errors e join sources s on s.id = e.source_id order by e.id limit ? offset ?', [limit, offset]);
    return { total, rows: list };
  }

  counts(): { numbers: number; contacts: number; subscriptions: number; events: number; loadErrors: number } {
    const n = (sql: string) => Number(scalar(this.db, sql));
    return {
      numbers: n('select count(distinct number) from contacts'),
      contacts: n('select count(distinct number) from events'),
      subscriptions: n('select count(*) from contacts'),
      events: n('select count(*) from events'),
      loadErrors: n('select count(*) from load_errors'),
    };
  }
}
