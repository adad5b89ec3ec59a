// Launches the built app in Electron. Electron's binary is fetched on first use; where that is
// impossible (offline), explain what is missing instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'node_modules', 'electron');

let reason = 'not downloaded';
function electronBinary() {
  const pathFile = join(pkg, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (override) {
    const candidates = [relative && join(override, relative), join(override, 'electron'), join(override, 'electron.exe')].filter(Boolean);
    return candidates.find((c) => existsSync(c)) ?? null;
  }
  if (relative && existsSync(join(pkg, 'dist', relative))) return join(pkg, 'dist', relative);
  console.log('Electron is not downloaded yet; fetching it once (about 100 MB)...');
  const result = spawnSync(process.execPath, [join(pkg, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) reason = (result.stderr ?? '').split('\n').find((l) => /error/i.test(l))?.trim() ?? 'download failed';
  const fetched = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  return result.status === 0 && fetched && existsSync(join(pkg, 'dist', fetched)) ? join(pkg, 'dist', fetched) : null;
}

const binary = electronBinary();
if (!binary) {
  console.error(
    [
      '',
      'OptTrace could not start: the Electron runtime is not available on this machine.',
      '  - npm installs the `electron` package, but its binary is downloaded separately, and that download failed',
      `    (${reason}).`,
      '  - To use an Electron you already have, point ELECTRON_OVERRIDE_DIST_PATH at its folder, e.g.',
      '      ELECTRON_OVERRIDE_DIST_PATH=/opt/electron-v45 npm start',
      '  - Everything else works offline: `npm test` (renderer tested in Chromium), `npx opttrace replay FILE`.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
