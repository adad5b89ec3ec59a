// Builds the app's bundles: `node scripts/build.mjs <all|main|preload|renderer|cli|bench>`.
// esbuild bundles main, preload (one sandbox-safe CJS file), the CLI and the benchmarks; Vite the renderer.
import { build as esbuild } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root };

// The loader's parse worker (electron/backend/import/parse-client.ts) and the verdict table's worker
// (electron/backend/services/verdict-client.ts) are found next to the bundle that starts them, so every
// Node bundle that can load files gets its own copies.
const WORKERS = { 'parse-worker.cjs': 'electron/backend/import/parse-worker.ts', 'verdict-worker.cjs': 'electron/backend/services/verdict-worker.ts' };
const withWorkers = (dir, bundle) =>
  Promise.all([bundle, ...Object.entries(WORKERS).map(([file, entry]) => esbuild({ ...node, entryPoints: [entry], outfile: `${dir}/${file}` }))]);

const targets = {
  main: () => withWorkers('dist/main', esbuild({ ...node, entryPoints: ['electron/main/index.ts'], outfile: 'dist/main/index.cjs', external: ['electron'] })),
  preload: () => esbuild({ ...node, platform: 'browser', entryPoints: ['electron/preload/index.ts'], outfile: 'dist/preload/index.cjs', external: ['electron'] }),
  renderer: async () => {
    const { build } = await import('vite');
    await build({ configFile: join(root, 'vite.config.mts'), logLevel: 'warn' });
  },
  cli: () => withWorkers('dist/cli', esbuild({ ...node, entryPoints: ['electron/cli/index.ts'], outfile: 'dist/cli/opttrace.cjs' })),
  bench: () => withWorkers('dist/bench', esbuild({ ...node, entryPoints: ['test/bench/run.ts'], outfile: 'dist/bench/run.cjs' })),
};

const which = process.argv[2] ?? 'all';
const names = which === 'all' ? ['main', 'preload', 'renderer', 'cli'] : which.split(',');
for (const name of names) {
  if (!targets[name]) {
    console.error(`build: unknown target "${name}" (known: ${Object.keys(targets).join(', ')}, all)`);
    process.exit(2);
  }
  // `npm install` runs the CLI build before any source may exist in a partial checkout: say so plainly.
  if (name === 'cli' && !existsSync(join(root, 'electron/cli/index.ts'))) {
    console.warn('build: electron/cli/index.ts not found; skipping the CLI bundle');
    continue;
  }
  await targets[name]();
}
