// Launches the built app in Electron. Electron's binary is fetched on first use; where that is
// impossible (offline), explain what is missing instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.cjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'node_modules', 'electron');

let reason = 'not downloaded';
function electronBinary() {
  const found = findElectronBinary(root);
  if ('path' in found) return found.path;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    reason = found.reason;
    return null;
  }
  console.log('Electron is not downloaded yet; fetching it once (about 100 MB)...');
  const result = spawnSync(process.execPath, [join(pkg, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) reason = (result.stderr ?? '').split('\n').find((l) => /error/i.test(l))?.trim() ?? 'download failed';
  const after = findElectronBinary(root);
  return result.status === 0 && 'path' in after ? after.path : null;
}

const binary = electronBinary();
if (!binary) {
  console.error(
    [
      '',
      'OptTrace could not start: the Electron runtime is not available on this machine.',
      '  - npm installs the `electron` package, but its binary is downloaded separately, and none is available',
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
