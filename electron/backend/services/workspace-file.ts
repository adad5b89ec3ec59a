/** Workspace files: export bytes → atomic write; open reads, validates (loader's Workspace), and only then replaces. */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
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
  const bytes = await readFile(path).catch((e: unknown) => {
    throw new UserError('not-found', `Could not read ${basename(path)}: ${e instanceof Error ? e.message : String(e)}`);
  });
  try {
    return await Workspace.open(bytes, { name: workspaceName(path) });
  } catch (e) {
    if (e instanceof WorkspaceOpenError) throw new UserError('bad-input', `${basename(path)} cannot be opened. ${e.message} The current workspace is unchanged.`, { reason: e.reason });
    throw e;
  }
}

export const writeErrorsCsv = async (ws: Workspace, path: string): Promise<void> => void (await writeForUser(path, loadErrorsCsv(ws), 'the load errors'));
