/**
 * Writes the next verdict table beside the current one and swaps it in at the end, so a rebuild can
 * yield between batches while searches keep seeing the previous table, whole. Each batch is one short
 * transaction through the loader's fast binding; the swap is one DROP + RENAME.
 */
import type { ContactRow } from '../../../shared/ipc/desk-types';
import { databaseBytes, DEFAULT_CACHE_KIB, setCacheSize } from './bulk';
import { DESK_CONTACTS_DDL } from './desk-queries';
import { insertRow, lowLevel, statementHandle } from './fast-bind';
import type { Workspace } from './workspace';

const NEXT = 'desk_contacts_next';
const INSERT = `INSERT INTO ${NEXT} (number, code, keyword, status, verdict) VALUES (?, ?, ?, ?, ?)`;
/**
 * Page cache for a build: the whole database, between 32 and 256 MB. The evidence stream reads every
 * table in number order, i.e. the log's pages at random: with the loader's 32 MB most reads missed
 * and copied a page out of sql.js's in-memory file (~12 % of a 1M-row build); a cache that holds the
 * database reads each page once (24.6–26.3 s -> 19.1–20.5 s at 1M rows; peak RSS ~600 MB, which the
 * wasm heap keeps for later work). Five live indexes on the new table also thrash SQLite's 2 MB default.
 */
const buildCacheKib = (ws: Workspace): number => Math.min(256 * 1024, Math.max(32 * 1024, (databaseBytes(ws) * 1.1) / 1024));

export class ContactsBuild {
  private readonly api: ReturnType<typeof lowLevel>;
  private readonly buffer: (string | null)[] = [null, null, null, null, null];
  private done = false;

  constructor(private readonly ws: Workspace) {
    ws.db.run(`DROP TABLE IF EXISTS ${NEXT}`); // left over by a build that died with the process
    // Index names are global and the current table's stay taken until the swap: alternate two sets.
    const current = ws.scalar("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'desk_contacts_number'");
    for (const sql of DESK_CONTACTS_DDL(NEXT, current === null ? '' : '_b')) ws.db.run(sql);
    setCacheSize(ws, buildCacheKib(ws));
    this.api = lowLevel(ws.sqlModule);
  }

  /** Appends rows (ids continue from the previous batch) in one transaction. */
  add(rows: readonly Omit<ContactRow, 'id'>[]): void {
    const st = this.ws.prepare(INSERT);
    // Read per call: a database reopened by export() has a new handle.
    const dbHandle = (this.ws.db as unknown as { db?: unknown }).db;
    const handle = this.api && typeof dbHandle === 'number' ? statementHandle(this.api, st, INSERT) : undefined;
    const row = this.buffer;
    this.ws.db.run('BEGIN');
    try {
      for (const r of rows) {
        row[0] = r.mobileNumber;
        row[1] = r.code;
        row[2] = r.keyword;
        row[3] = r.status;
        row[4] = r.verdict;
        if (handle !== undefined) insertRow(this.api!, handle, dbHandle as number, row);
        else st.run(row);
      }
      this.ws.db.run('COMMIT');
    } catch (e) {
      this.ws.db.run('ROLLBACK');
      throw e;
    }
  }

  /** Replaces the current table with the built one. */
  finish(): void {
    this.ws.db.run('BEGIN');
    try {
      this.ws.db.run('DROP TABLE IF EXISTS desk_contacts');
      this.ws.db.run(`ALTER TABLE ${NEXT} RENAME TO desk_contacts`);
      this.ws.db.run('COMMIT');
    } catch (e) {
      this.ws.db.run('ROLLBACK');
      throw e;
    } finally {
      this.end();
    }
  }

  /** Drops the partial table; the current one is untouched. Safe after finish(). */
  abort(): void {
    if (this.done) return;
    this.ws.db.run(`DROP TABLE IF EXISTS ${NEXT}`);
    this.end();
  }

  private end(): void {
    this.done = true;
    setCacheSize(this.ws, DEFAULT_CACHE_KIB);
  }
}
