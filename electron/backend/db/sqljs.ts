/**
 * The one way OptTrace loads sql.js: from the wasm file's bytes (no fetch, no URL guessing), so the
 * same code runs under plain Node, Vitest, the CLI and a packaged Electron app.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { loadGlue, type GlueChoice } from './sqljs-glue';
import { useOptimizingWasmTier } from './wasm-tiers';

const WASM_NAME = 'sql-wasm.wasm';

// `require` exists in the CommonJS bundles (CLI, main); under Vitest/ESM we build one.
// No import.meta: Playwright's CJS transform would treat the file as ESM (the renderer suite loads the backend).
const localRequire: NodeJS.Require = typeof require === 'function' ? require : createRequire(__filename);

/** Where the wasm file is: next to the packaged app's resources when there is one, else in node_modules. */
export function defaultWasmPath(): string {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) {
    const packaged = join(resources, WASM_NAME);
    if (existsSync(packaged)) return packaged;
  }
  return localRequire.resolve(`sql.js/dist/${WASM_NAME}`);
}

const loaded = new Map<string, Promise<SqlJsStatic>>();
let glue: GlueChoice | undefined;

/** Which glue runs (see sqljs-glue.ts); `unpatched` says why when it is the plain one. */
export const sqlJsGlue = (): GlueChoice => {
  if (!glue) {
    glue = loadGlue(localRequire);
    // Worth a line in the log: big loads stall and slow down without the patch (never wrong, though).
    if (glue.unpatched && process.env.OPTTRACE_PLAIN_SQLJS !== '1') console.warn(`OptTrace: using the plain sql.js glue (${glue.unpatched}); big loads will be slower`);
  }
  return glue;
};

/** Loads (once per wasm path) the sql.js module from the wasm bytes. */
export function openSqlJs(wasmPath: string = defaultWasmPath()): Promise<SqlJsStatic> {
  let sql = loaded.get(wasmPath);
  if (!sql) {
    useOptimizingWasmTier();
    const bytes = readFileSync(wasmPath);
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sql = sqlJsGlue().init({ wasmBinary });
    loaded.set(wasmPath, sql);
    sql.catch(() => loaded.delete(wasmPath));
  }
  return sql;
}
