/**
 * The one way sql.js is started: wasm read as bytes from a known file and handed to initSqlJs, in dev,
 * tests, the CLI and the packaged app (where it ships as an extra resource).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let cached: Promise<SqlJsStatic> | undefined;

export function locateSqlWasm(): string {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) {
    const packaged = join(resources, 'sql-wasm.wasm');
    if (existsSync(packaged)) return packaged;
  }
  return createRequire(__filename).resolve('sql.js/dist/sql-wasm.wasm');
}

export function openSqlJs(wasmPath: string = locateSqlWasm()): Promise<SqlJsStatic> {
  cached ??= initSqlJs({ wasmBinary: readFileSync(wasmPath) as unknown as ArrayBuffer });
  return cached;
}
