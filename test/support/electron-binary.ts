/** Finds an Electron binary without triggering the package's download (which needs the network). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function findElectronBinary(root: string): { path: string } | { reason: string } {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const found = [relative && join(override, relative), join(override, 'electron')].find((c): c is string => !!c && existsSync(c));
    return found ? { path: found } : { reason: `ELECTRON_OVERRIDE_DIST_PATH=${override} holds no electron executable` };
  }
  if (relative && existsSync(join(pkg, 'dist', relative))) return { path: join(pkg, 'dist', relative) };
  return { reason: 'node_modules/electron has no downloaded binary and ELECTRON_OVERRIDE_DIST_PATH is not set' };
}
