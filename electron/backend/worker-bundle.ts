/**
 * Where a worker bundle is (the loader's parse worker, the verdict table's worker): next to the running
 * bundle (dist/main, dist/cli, dist/bench), preferring app.asar.unpacked (where packaging puts it: older
 * Electron versions cannot start a Worker from inside an asar archive). The environment variable names
 * another file, or `off` to work in-thread; tests point it at freshly built bundles
 * (test/support/parse-worker-setup.ts). Undefined when there is none, e.g. when running TypeScript
 * sources: then the work runs in-thread.
 */
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';

export function workerBundle(file: string, envVariable: string): string | undefined {
  const env = process.env[envVariable];
  if (env) return env === 'off' ? undefined : env;
  if (typeof __dirname !== 'string') return undefined;
  const here = join(__dirname, file);
  const unpacked = here.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
  return [unpacked, here].find((p) => existsSync(p));
}
