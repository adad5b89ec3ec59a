/**
 * Vitest global setup: Vitest runs the TypeScript sources, but a Worker needs a JavaScript file, so
 * the parse worker and the verdict worker are bundled once per run (esbuild, as scripts/build.mjs
 * does) into a temp folder and named in OPTTRACE_PARSE_WORKER / OPTTRACE_VERDICT_WORKER, which the
 * test processes inherit. Backend tests then load files of 2 MB or more through the parse worker by
 * default (e.g. the cancel tests), and every verdict table is built through its worker;
 * load-worker.test.ts and verdict-index.test.ts compare each with the in-thread path.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'opttrace-parse-worker-'));
  const bundle = (entry: string, file: string): string => {
    const outfile = join(dir, file);
    buildSync({ entryPoints: [resolve(entry)], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
    return outfile;
  };
  process.env.OPTTRACE_PARSE_WORKER ??= bundle('electron/backend/import/parse-worker.ts', 'parse-worker.cjs');
  process.env.OPTTRACE_VERDICT_WORKER ??= bundle('electron/backend/services/verdict-worker.ts', 'verdict-worker.cjs');
  return () => rmSync(dir, { recursive: true, force: true });
}
