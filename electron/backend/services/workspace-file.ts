/** Workspace files: sql.js export → atomic write; open reads, validates, and only then replaces. */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Database, SqlJsStatic } from 'sql.js';
import { writeFileAtomic } from '../atomic-write';
import { DeskStore } from '../db/desk-store';
import { UserError } from '../errors';

export const WORKSPACE_FILTERS = [{ name: 'OptTrace workspace', extensions: ['sqlite', 'opttrace'] }];

export const workspaceName = (path: string): string => basename(path, extname(path));

export async function writeWorkspace(store: DeskStore, path: string): Promise<void> {
  await writeFileAtomic(path, store.db.export());
}

/** Opens a workspace file; a corrupt or foreign file throws a UserError and leaves nothing open. */
export async function readWorkspace(SQL: SqlJsStatic, path: string): Promise<DeskStore> {
  const bytes = await readFile(path).catch((e: unknown) => {
    throw new UserError('not-found', `Could not read ${basename(path)}: ${e instanceof Error ? e.message : String(e)}`);
  });
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (e) {
    throw new UserError('bad-input', `${basename(path)} is not an OptTrace workspace: ${e instanceof Error ? e.message : String(e)}`);
  }
  const problem = DeskStore.problem(db);
  if (problem) {
    db.close();
    throw new UserError('bad-input', `${basename(path)} cannot be opened: ${problem}. The current workspace is unchanged.`);
  }
  return new DeskStore(db);
}

export async function exportErrorsCsv(store: DeskStore, path: string): Promise<number> {
  const quote = (v: string | number): string => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = ['file,line,column,value,reason'];
  const page = 5000;
  let total = 0;
  for (let offset = 0; ; offset += page) {
    const { rows } = store.loadErrors(offset, page);
    for (const r of rows) lines.push([r.fileName, r.line, r.column, r.value, r.reason].map(quote).join(','));
    total += rows.length;
    if (rows.length < page) break;
  }
  await writeFileAtomic(path, lines.join('\r\n') + '\r\n');
  return total;
}
