/**
 * sql.js's JavaScript glue with one expression changed: how Emscripten's in-memory file system grows
 * the database file. The workspace database lives in that file, and MEMFS grows a file past 1 MB by
 * only 1.125×, copying the whole file each time — ~8× the database's size copied during a big load,
 * and each late copy stalls the event loop (2.4 s at a time for a 1 GB file on the 2-core VM).
 * Patched: double up to 4 MB, then reserve 2 GiB at once (1.25× beyond; plain 1.25× where 2 GiB
 * cannot be had). The reservation costs no memory until pages are written (zero-filled ArrayBuffers
 * are committed lazily), so a load copies at most 4 MB once: at 5M rows the longest stall went from
 * 2.4 s to 40 ms, the load from 58 s to 43 s and peak RSS from 2.2 GB to 1.35 GB. (The reservation
 * came at 32 MB until 2026-11-26 evening: copying 32 MB into it, faulting its pages in, took 37–45 ms
 * in the VM's slow minutes, inside an insert slice; 4 MB take ~10 ms.)
 * sql.js exports neither its FS nor SQLite's file-control call (SQLITE_FCNTL_CHUNK_SIZE), so the
 * expression is patched in the glue text. When the text is not the expected one (another sql.js
 * version), the unpatched module is used: slower, never wrong; test/unit/backend/sqljs-glue.test.ts
 * fails on such an upgrade so the patch gets revisited.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import initSqlJs from 'sql.js';

type InitSqlJs = typeof initSqlJs;

export const GROWTH_ORIGINAL = 'm*(m<1048576?2:1.125)';
export const GROWTH_PATCHED = '(m<4194304?m*2:Math.max(m*1.25,__memfsReserve))';
export const RESERVE_BYTES = 2 ** 31;

/** The reservation when this runtime can allocate it (a 32-bit or memory-capped process may not): else plain 1.25× growth. */
function reserveBytes(): number {
  try {
    return new ArrayBuffer(RESERVE_BYTES).byteLength; // committed lazily: costs address space only, and is dropped at once
  } catch {
    return 0;
  }
}
const GLUE_NAME = 'sql-wasm.js';

/**
 * Second patch: a Database method giving the database file's MEMFS bytes without a copy, so a save
 * writes them as they are instead of exporting a copy first (workspace.ts `liveFile`). It is placed
 * before the export method, whose own code shows this build's names for the file lookup (`B`), the
 * file's bytes (`Ua`) and their length (`Wa`); MEMFS stamps `mtime` on every write, which is how a
 * save notices a write it must not have raced. `reserve()` moves a file opened from saved bytes into
 * the 2 GiB growth reservation at once: otherwise the first page appended after an open copies the
 * whole file inside whatever write comes first (~220–260 ms at 224 MB, the start of a verdict rebuild).
 * `reserve(true)` adopts the file's buffer as the reservation when it already is one (a file read
 * straight into a reservation-sized buffer: services/workspace-file.ts), with no copy at all. `heap()`
 * gives the wasm heap's byte view, for reading a row's column bytes without decoding them.
 * Any of these texts missing: no method, saves export and the first append copies.
 */
export const FILE_ANCHOR = 'g.prototype.Wb=function(){';
const FILE_EVIDENCE = ['var r=B(f).node', 'r.Ua.set(D.subarray(K,K+V),U);r.Wa=Math.max(r.Wa,U+V)', 'a.mtime=a.ctime=Date.now()'];
export const FILE_METHOD =
  'g.prototype.opttraceFile=function(){var n=B(this.filename).node;return{bytes:function(){return n.Ua.subarray(0,n.Wa)},' +
  'mark:function(){n.mtime=-1},marked:function(){return n.mtime===-1},' +
  // Moves the file into the growth reservation now (what MEMFS's growth does: a new buffer, the bytes copied).
  'reserve:function(own){if(!__memfsReserve||n.Ua.length>=__memfsReserve)return;' +
  'if(own&&n.Ua.byteOffset===0&&n.Ua.buffer.byteLength===__memfsReserve){n.Ua=new Uint8Array(n.Ua.buffer,0,__memfsReserve);return}' +
  'var b=new Uint8Array(__memfsReserve);b.set(n.Ua.subarray(0,n.Wa));n.Ua=b},' +
  // The wasm heap's current Uint8Array view (this build's HEAPU8, `E`; db/column-bytes.ts checks it before use).
  'heap:function(){return E}}};';

/** The glue text with the file method added, or undefined when this build's text is not the expected one. */
export function patchFileAccess(source: string): string | undefined {
  const at = source.indexOf(FILE_ANCHOR);
  if (at < 0 || source.indexOf(FILE_ANCHOR, at + 1) >= 0 || FILE_EVIDENCE.some((e) => !source.includes(e))) return undefined;
  return source.slice(0, at) + FILE_METHOD + source.slice(at);
}

/** The glue text with the growth constant replaced, or undefined when it does not occur exactly once. */
export function patchGrowth(source: string): string | undefined {
  const at = source.indexOf(GROWTH_ORIGINAL);
  if (at < 0 || source.indexOf(GROWTH_ORIGINAL, at + 1) >= 0) return undefined;
  return source.slice(0, at) + GROWTH_PATCHED + source.slice(at + GROWTH_ORIGINAL.length);
}

/** The glue file: next to the packaged app's resources when there is one, else in node_modules. */
export function gluePath(localRequire: NodeJS.Require): string | undefined {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources && existsSync(join(resources, GLUE_NAME))) return join(resources, GLUE_NAME);
  try {
    return localRequire.resolve(`sql.js/dist/${GLUE_NAME}`);
  } catch {
    return undefined;
  }
}

export interface GlueChoice {
  readonly init: InitSqlJs;
  /** Why the plain module is used, when it is. */
  readonly unpatched?: string;
  /** Whether databases have `opttraceFile()` (patchFileAccess). */
  readonly fileAccess?: boolean;
}

/** Evaluates the patched glue as the CommonJS module it is; falls back to the bundled module. */
export function loadGlue(localRequire: NodeJS.Require): GlueChoice {
  if (process.env.OPTTRACE_PLAIN_SQLJS === '1') return { init: initSqlJs, unpatched: 'OPTTRACE_PLAIN_SQLJS=1' };
  const path = gluePath(localRequire);
  if (!path) return { init: initSqlJs, unpatched: `${GLUE_NAME} not found` };
  const grown = patchGrowth(readFileSync(path, 'utf8'));
  if (!grown) return { init: initSqlJs, unpatched: `${path} is not the sql.js version this patch was written for` };
  const withFile = patchFileAccess(grown);
  const patched = withFile ?? grown;
  const mod: { exports: unknown } = { exports: {} };
  // The package's own file, evaluated like `require` would, only with the one constant changed.
  const run = new Function('module', 'exports', 'require', '__filename', '__dirname', '__memfsReserve', patched) as (...args: unknown[]) => void;
  run(mod, mod.exports, localRequire, path, dirname(path), reserveBytes());
  return typeof mod.exports === 'function' ? { init: mod.exports as InitSqlJs, fileAccess: withFile !== undefined } : { init: initSqlJs, unpatched: `${path} did not export initSqlJs` };
}
