/** Atomic writes the analyst asked for: a failure becomes a message naming the file, never a bare errno. */
import { writeFileAtomic } from '../atomic-write';
import { UserError } from '../errors';

/** False when `stillValid` refused the data (see writeFileAtomic): nothing was written. */
export async function writeForUser(path: string, data: Uint8Array | string, what: string, after = '', stillValid?: () => boolean): Promise<boolean> {
  try {
    return await writeFileAtomic(path, data, stillValid);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new UserError('not-found', `Could not save ${what} to ${path}: ${reason}. Nothing was written there${after}.`);
  }
}
