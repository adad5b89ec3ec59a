/** Writes a file so a crash never leaves it half-written: temp file in the same folder, fsync, rename. */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Returns false, having written nothing at `path`, when `stillValid` (asked once the copy is on disk)
 * says the data changed while it was being written (a live buffer: workspace.ts liveFile).
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string, stillValid?: () => boolean): Promise<boolean> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (stillValid && !stillValid()) {
    await rm(temp, { force: true });
    return false;
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return true;
}
