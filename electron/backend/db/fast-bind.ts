/**
 * Fast positional binding for bulk inserts. sql.js's Statement.bind converts every string through a
 * temporary JS byte array and one malloc per value, which dominated million-row loads. Here a row's
 * strings are UTF-8 encoded natively into a reused buffer, copied to a reused wasm buffer (one memcpy)
 * and bound with sqlite3_bind_text directly.
 * Uses only functions sql.js exports on its module object; when any is missing (another sql.js
 * build) `lowLevel()` returns undefined and callers use the ordinary Statement API.
 */
import type { SqlJsStatic, Statement } from 'sql.js';
import { bindsAsInt, joinedText, utf8Length } from './row-text';
import type { BulkRow } from './tables';

export interface LowLevelApi {
  _malloc(n: number): number;
  writeArrayToMemory(bytes: Uint8Array, ptr: number): void;
  UTF8ToString(ptr: number): string;
  _free(ptr: number): void;
  _sqlite3_sql(stmt: number): number;
  _sqlite3_bind_text(stmt: number, i: number, ptr: number, n: number, destructor: number): number;
  _sqlite3_bind_int(stmt: number, i: number, v: number): number;
  _sqlite3_bind_double(stmt: number, i: number, v: number): number;
  _sqlite3_bind_blob(stmt: number, i: number, ptr: number, n: number, destructor: number): number;
  _sqlite3_step(stmt: number): number;
  _sqlite3_reset(stmt: number): number;
  _sqlite3_errmsg(db: number): number;
}

const REQUIRED: (keyof LowLevelApi)[] = [
  '_malloc', 'writeArrayToMemory', 'UTF8ToString', '_free', '_sqlite3_sql', '_sqlite3_bind_text', '_sqlite3_bind_int',
  '_sqlite3_bind_double', '_sqlite3_bind_blob', '_sqlite3_step', '_sqlite3_reset', '_sqlite3_errmsg',
];
const SQLITE_DONE = 101;
/** SQLITE_STATIC: SQLite reads the bytes in place (see insertRow for why that is safe). */
const SQLITE_STATIC = 0;

/** OPTTRACE_PLAIN_BIND=1 forces the ordinary Statement API (benchmark comparison, troubleshooting). */
export function lowLevel(sql: SqlJsStatic): LowLevelApi | undefined {
  if (process.env.OPTTRACE_PLAIN_BIND === '1') return undefined;
  const api = sql as unknown as Partial<LowLevelApi>;
  return REQUIRED.every((k) => typeof api[k] === 'function') ? (api as LowLevelApi) : undefined;
}

const handles = new WeakMap<Statement, number>();

/** The native statement handle behind a sql.js Statement, verified by reading back its SQL text. */
export function statementHandle(api: LowLevelApi, st: Statement, sqlText: string): number | undefined {
  const known = handles.get(st);
  if (known !== undefined) return known;
  for (const v of Object.values(st as unknown as Record<string, unknown>)) {
    if (typeof v !== 'number' || v < 65536) continue;
    try {
      if (api.UTF8ToString(api._sqlite3_sql(v)) === sqlText) {
        handles.set(st, v);
        return v;
      }
    } catch {
      // Not a statement pointer.
    }
  }
  return undefined;
}

/**
 * Per-module scratch: the row's UTF-8 bytes are written into one reused JS buffer and copied into one
 * reused wasm buffer (grown, never shrunk), so a row costs no allocation on either side.
 */
interface Scratch {
  js: Buffer;
  /** Views of `js` by length, so copying n bytes to wasm allocates no subarray per row. */
  views: Uint8Array[];
  ptr: number;
  cap: number;
}
const scratches = new WeakMap<LowLevelApi, Scratch>();

function scratchFor(api: LowLevelApi, bytes: number): Scratch {
  let s = scratches.get(api);
  if (!s) {
    s = { js: Buffer.allocUnsafe(4096), views: [], ptr: 0, cap: 0 };
    scratches.set(api, s);
  }
  if (s.js.length < bytes) {
    s.js = Buffer.allocUnsafe(Math.max(bytes, s.js.length * 2));
    s.views = [];
  }
  if (s.cap < bytes) {
    if (s.ptr) api._free(s.ptr);
    s.cap = Math.max(bytes, s.cap * 2, 4096);
    s.ptr = api._malloc(s.cap);
    if (!s.ptr) throw new Error('insert failed: out of wasm memory for the row buffer');
  }
  return s;
}

/**
 * Binds a row positionally, steps once and resets; throws with SQLite's message on failure.
 * Text is bound SQLITE_STATIC from the shared scratch buffer: every parameter is rebound before each
 * step, so SQLite never reads a stale pointer, and it skips one malloc+copy per value.
 */
export function insertRow(api: LowLevelApi, stmt: number, dbHandle: number, row: BulkRow): void {
  const joined = joinedText(row);
  let ascii = true;
  let off = 0;
  if (joined !== undefined) {
    const s = scratchFor(api, joined.length * 3 + 1);
    const n = s.js.write(joined, 0);
    // UTF-8 is longer than the UTF-16 length exactly when some character is non-ASCII.
    ascii = n === joined.length;
    s.js[n] = 0;
    const view = (s.views[n + 1] ??= new Uint8Array(s.js.buffer, s.js.byteOffset, n + 1));
    api.writeArrayToMemory(view, s.ptr);
    off = s.ptr;
  }
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === 'string') {
      const n = utf8Length(v, ascii);
      api._sqlite3_bind_text(stmt, i + 1, off, n, SQLITE_STATIC);
      off += n + 1;
    } else if (typeof v === 'number') {
      if (bindsAsInt(v)) api._sqlite3_bind_int(stmt, i + 1, v);
      else api._sqlite3_bind_double(stmt, i + 1, v);
    } else {
      api._sqlite3_bind_blob(stmt, i + 1, 0, 0, 0); // a NULL pointer binds SQL NULL
    }
  }
  const rc = api._sqlite3_step(stmt);
  api._sqlite3_reset(stmt);
  if (rc !== SQLITE_DONE) throw new Error(`insert failed: ${api.UTF8ToString(api._sqlite3_errmsg(dbHandle))}`);
}
