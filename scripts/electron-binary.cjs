// Finds an Electron binary without triggering the package's download (which needs the network).
// One copy for `npm start` (scripts/start.mjs) and the Electron test suite (test/electron).
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

/** @returns {{ path: string } | { reason: string }} */
function findElectronBinary(root) {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const found = [relative && join(override, relative), join(override, 'electron'), join(override, 'electron.exe')].find((c) => !!c && existsSync(c));
    return found ? { path: found } : { reason: `ELECTRON_OVERRIDE_DIST_PATH=${override} holds no electron executable` };
  }
  if (relative && existsSync(join(pkg, 'dist', relative))) return { path: join(pkg, 'dist', relative) };
  return { reason: 'node_modules/electron has no downloaded binary and ELECTRON_OVERRIDE_DIST_PATH is not set' };
}

exports.findElectronBinary = findElectronBinary;
