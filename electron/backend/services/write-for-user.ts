/** Atomic writes the analyst asked for: a failure becomes a message naming the file, never a bare errno. */
import { writeFileAtomic } from '../atomic-write';
import { UserError } from '../errors';

export async function writeForUser(path: string, data: Uint8Array | string, what: string, after = ''): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new UserError('not-found', `Could not save ${what} to ${path}: ${reason}. Nothing was written there${after}.`);
  }
}
