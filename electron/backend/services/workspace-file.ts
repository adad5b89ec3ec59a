/** Workspace files: export bytes → atomic write; open reads, validates (loader's Workspace), and only then replaces. */
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { RESERVE_BYTES } from '../db/sqljs-glue';
import { Workspace, WorkspaceOpenError } from '../db/workspace';
import { UserError } from '../errors';
import { loadErrorsCsv } from '../import/load-errors-csv';
import { writeForUser } from './write-for-user';

export const WORKSPACE_FILTERS = [{ name: 'OptTrace workspace', extensions: ['sqlite', 'opttrace'] }];

export const workspaceName = (path: string): string => basename(path, extname(path));

/**
 * Writes the database file's live bytes (no export copy); if anything wrote to the database while
 * they were being written, that copy is dropped and an exported one is written instead. Clean only
 * once the file is safely on disk: a failed write (disk full, no permission) keeps the unsaved marker.
 */
export async function writeWorkspace(ws: Workspace, path: string): Promise<void> {
  const after = '; the workspace is unchanged and still unsaved';
  const live = ws.liveFile();
  if (!live || !(await writeForUser(path, live.bytes, 'the workspace', after, live.untouched))) {
    await writeForUser(path, ws.exportBytes(), 'the workspace', after);
  }
  ws.dirty = false;
}

/** Opens a workspace file; a corrupt or foreign file throws a UserError and the current workspace stays. */
export async function readWorkspace(path: string): Promise<Workspace> {
  const read = await readIntoReservation(path).catch((e: unknown) => {
    throw new UserError('not-found', `Could not read ${basename(path)}: ${e instanceof Error ? e.message : String(e)}`);
  });
  try {
    return await Workspace.open(read.bytes, { name: workspaceName(path), ownsBytes: read.owned });
  } catch (e) {
    if (e instanceof WorkspaceOpenError) throw new UserError('bad-input', `${basename(path)} cannot be opened. ${e.message} The current workspace is unchanged.`, { reason: e.reason });
    throw e;
  }
}

/** Reads per call: the thread pool faults the pages in, 64 MB at a time, while the event loop runs. */
const READ_CHUNK = 64 << 20;

/**
 * The file read straight into a buffer the size of sql.js's file growth reservation (committed only as
 * far as written), which the database then keeps as its file (`owned`): moving a 708 MB workspace into
 * the reservation after reading it blocked the event loop 0.37–0.7 s and held the file twice. A file
 * too large for it, or a runtime that cannot reserve, is read as it was.
 */
async function readIntoReservation(path: string): Promise<{ bytes: Uint8Array; owned: boolean }> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    let space: ArrayBuffer | undefined;
    try {
      if (size <= RESERVE_BYTES) space = new ArrayBuffer(RESERVE_BYTES);
    } catch {
      space = undefined;
    }
    if (!space) return { bytes: await file.readFile(), owned: false };
    // A Buffer: sql.js hands MEMFS its slice(), which for a Buffer is a view, so the file stays in `space`.
    const bytes = Buffer.from(space, 0, size);
    for (let at = 0; at < size; ) {
      const { bytesRead } = await file.read(bytes, at, Math.min(READ_CHUNK, size - at), at);
      if (bytesRead === 0) throw new Error(`the file ended after ${at} of ${size} bytes`);
      at += bytesRead;
    }
    return { bytes, owned: true };
  } finally {
    await file.close();
  }
}

export const writeErrorsCsv = async (ws: Workspace, path: string): Promise<void> => void (await writeForUser(path, loadErrorsCsv(ws), 'the load errors'));
