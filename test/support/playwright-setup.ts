/**
 * Playwright global setup: the renderer suite's backend runs TypeScript sources, so it has no parse or
 * verdict worker of its own; point it at the bundles Electron's main process ships (`npm test` builds
 * them first), so big loads and verdict tables go through the same workers as in the app. The test
 * workers inherit the variables. Without a build both run in-thread, and this says so.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  const use = (variable: string, file: string, without: string): void => {
    const bundle = join(__dirname, '..', '..', 'dist', 'main', file);
    if (process.env[variable]) return;
    if (existsSync(bundle)) process.env[variable] = bundle;
    else console.log(`renderer suite: ${bundle} not built, ${without} (run npm run build)`);
  };
  use('OPTTRACE_PARSE_WORKER', 'parse-worker.cjs', 'big files load in-thread');
  use('OPTTRACE_VERDICT_WORKER', 'verdict-worker.cjs', 'verdict tables are built in-thread');
}
