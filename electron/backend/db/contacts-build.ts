/**
 * Writes the next verdict table beside the current one and swaps it in at the end, so a rebuild can
 * yield between batches while searches keep seeing the previous table, whole. Each batch is one short
 * transaction through the loader's fast binding; the swap is one DROP + RENAME per table. Rows must
 * come in number order (the evidence stream's): ids then follow number order, which desk-search.ts
 * relies on, so a row out of order fails the build instead of being stored.
 */
import type { ContactRow } from '../../../shared/ipc/desk-types';
import { databaseBytes, DEFAULT_CACHE_KIB, setCacheSize } from './bulk';
import { STATUS_CODE_COUNT, statusCode, VERDICT_CODE_COUNT, verdictCode } from './desk-codes';
import { DESK_CONTACTS_DDL } from './desk-queries';
import { dropInSlices } from './drop-in-slices';
import { insertRow, lowLevel, statementHandle } from './fast-bind';
import type { Workspace } from './workspace';

const NEXT = 'desk_contacts_next';
const NEXT_COUNTS = 'desk_counts_next';
/** The replaced table, dropped in slices after the swap. */
const OLD = 'desk_contacts_old';
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
  private readonly buffer: (string | number | null)[] = [null, null, null, null, null];
  /** Rows per (code, keyword, status, verdict) group, written to desk_counts at the swap: code → keyword → counters by status × verdict. */
  private readonly counts = new Map<string, Map<string, Uint32Array>>();
  private lastNumber = '';
  private done = false;

  constructor(private readonly ws: Workspace) {
    // Left over by a build that died with the process:
    for (const t of [NEXT, NEXT_COUNTS, OLD]) ws.db.run(`DROP TABLE IF EXISTS ${t}`);
    // Index names are global and the current table's stay taken until the swap: alternate two sets.
    const current = ws.scalar("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'desk_contacts_code'");
    for (const sql of DESK_CONTACTS_DDL(NEXT, NEXT_COUNTS, current === null ? '' : '_b')) ws.db.run(sql);
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
        if (r.mobileNumber < this.lastNumber) throw new Error(`verdict rows out of number order: ${r.mobileNumber} after ${this.lastNumber}`);
        this.lastNumber = r.mobileNumber;
        row[0] = r.mobileNumber;
        row[1] = r.code;
        row[2] = r.keyword;
        row[3] = statusCode(r.status);
        row[4] = verdictCode(r.verdict);
        this.count(r.code, r.keyword, row[3], row[4]);
        if (handle !== undefined) insertRow(this.api!, handle, dbHandle as number, row);
        else st.run(row);
      }
      this.ws.db.run('COMMIT');
    } catch (e) {
      this.ws.db.run('ROLLBACK');
      throw e;
    }
  }

  private count(code: string, keyword: string, status: number, verdict: number): void {
    let byKeyword = this.counts.get(code);
    if (!byKeyword) this.counts.set(code, (byKeyword = new Map()));
    let counters = byKeyword.get(keyword);
    if (!counters) byKeyword.set(keyword, (counters = new Uint32Array(STATUS_CODE_COUNT * VERDICT_CODE_COUNT)));
    counters[status * VERDICT_CODE_COUNT + verdict]!++;
  }

  /** Replaces the current table and counts with the built ones, then drops the old table in slices. */
  async finish(pause: () => Promise<void>): Promise<void> {
    this.ws.db.run('BEGIN');
    try {
      const st = this.ws.db.prepare(`INSERT INTO ${NEXT_COUNTS} (code, keyword, status, verdict, n) VALUES (?, ?, ?, ?, ?)`);
      try {
        for (const [code, byKeyword] of this.counts) {
          for (const [keyword, counters] of byKeyword) {
            counters.forEach((n, i) => {
              if (n > 0) st.run([code, keyword, Math.floor(i / VERDICT_CODE_COUNT), i % VERDICT_CODE_COUNT, n]);
            });
          }
        }
      } finally {
        st.free();
      }
      this.ws.db.run('DROP TABLE IF EXISTS desk_counts');
      if (this.ws.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'desk_contacts'") !== null) {
        this.ws.db.run(`ALTER TABLE desk_contacts RENAME TO ${OLD}`);
      }
      this.ws.db.run(`ALTER TABLE ${NEXT} RENAME TO desk_contacts`);
      this.ws.db.run(`ALTER TABLE ${NEXT_COUNTS} RENAME TO desk_counts`);
      this.ws.db.run('COMMIT');
    } catch (e) {
      this.ws.db.run('ROLLBACK');
      throw e;
    } finally {
      this.end();
    }
    await dropInSlices(this.ws, OLD, pause);
  }

  /** Drops the partial table (in slices); the current one is untouched. Safe after finish(). */
  async abort(pause: () => Promise<void>): Promise<void> {
    if (this.done) return;
    this.end();
    this.ws.db.run(`DROP TABLE IF EXISTS ${NEXT_COUNTS}`);
    await dropInSlices(this.ws, NEXT, pause);
  }

  private end(): void {
    this.done = true;
    setCacheSize(this.ws, DEFAULT_CACHE_KIB);
  }
}
