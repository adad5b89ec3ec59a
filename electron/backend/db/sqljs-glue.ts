/**
 * sql.js's JavaScript glue with one constant changed: how Emscripten's in-memory file system grows
 * the database file. The workspace database lives in that file, and MEMFS grows a file past 1 MB by
 * only 1.125×, copying the whole file each time — ~8× the database's size copied during a big load,
 * and each late copy is a stall. Growing 2× up to 256 MB and 1.25× beyond copies ~2–3× the size;
 * measured on the 2-core machine: a native 1M-row INSERT…SELECT ran 21–27 % faster.
 * sql.js exports neither its FS nor SQLite's file-control call (SQLITE_FCNTL_CHUNK_SIZE), so the
 * constant is patched in the glue text. When the text is not the expected one (another sql.js
 * version), the unpatched module is used: slower, never wrong; test/unit/db/sqljs-glue.test.ts fails
 * on such an upgrade so the patch gets revisited.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import initSqlJs from 'sql.js';

type InitSqlJs = typeof initSqlJs;

export const GROWTH_ORIGINAL = 'm*(m<1048576?2:1.125)';
export const GROWTH_PATCHED = 'm*(m<268435456?2:1.25)';
const GLUE_NAME = 'sql-wasm.js';

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
}

/** Evaluates the patched glue as the CommonJS module it is; falls back to the bundled module. */
export function loadGlue(localRequire: NodeJS.Require): GlueChoice {
  if (process.env.OPTTRACE_PLAIN_SQLJS === '1') return { init: initSqlJs, unpatched: 'OPTTRACE_PLAIN_SQLJS=1' };
  const path = gluePath(localRequire);
  if (!path) return { init: initSqlJs, unpatched: `${GLUE_NAME} not found` };
  const patched = patchGrowth(readFileSync(path, 'utf8'));
  if (!patched) return { init: initSqlJs, unpatched: `${path} is not the sql.js version this patch was written for` };
  const mod: { exports: unknown } = { exports: {} };
  // The package's own file, evaluated like `require` would, only with the one constant changed.
  const run = new Function('module', 'exports', 'require', '__filename', '__dirname', patched) as (...args: unknown[]) => void;
  run(mod, mod.exports, localRequire, path, dirname(path));
  return typeof mod.exports === 'function' ? { init: mod.exports as InitSqlJs } : { init: initSqlJs, unpatched: `${path} did not export initSqlJs` };
}
