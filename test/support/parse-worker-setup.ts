/**
 * Vitest global setup: Vitest runs the TypeScript sources, but a Worker needs a JavaScript file, so
 * the parse worker is bundled once per run (esbuild, as scripts/build.mjs does) into a temp folder
 * and named in OPTTRACE_PARSE_WORKER, which the test processes inherit. Backend tests then load files
 * of 2 MB or more through it by default (e.g. the cancel tests); load-worker.test.ts forces it for
 * every fixture and compares it with the in-thread path.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'opttrace-parse-worker-'));
  const outfile = join(dir, 'parse-worker.cjs');
  buildSync({
    entryPoints: [resolve('electron/backend/import/parse-worker.ts')], outfile,
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning',
  });
  process.env.OPTTRACE_PARSE_WORKER ??= outfile;
  return () => rmSync(dir, { recursive: true, force: true });
}
