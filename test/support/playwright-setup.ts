/**
 * Playwright global setup: the renderer suite's backend runs TypeScript sources, so it has no parse
 * worker of its own; point it at the bundle Electron's main process ships (`npm test` builds it
 * first), so big loads in the renderer suite go through the same worker as in the app. The test
 * workers inherit the variable. Without a build the loader parses in-thread, and this says so.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  const bundle = join(__dirname, '..', '..', 'dist', 'main', 'parse-worker.cjs');
  if (process.env.OPTTRACE_PARSE_WORKER) return;
  if (existsSync(bundle)) process.env.OPTTRACE_PARSE_WORKER = bundle;
  else console.log(`renderer suite: ${bundle} not built, big files load in-thread (run npm run build)`);
}
