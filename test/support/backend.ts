/** Helpers for backend tests: fixture paths, fresh workspaces, and a fingerprint of workspace contents. */
import { join } from 'node:path';
import { Workspace } from '../../electron/backend/db/workspace';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'exports');
export const fixture = (name: string): string => join(FIXTURES, name);
export const DEMO_SMALL = (name: string): string => join(FIXTURES, 'demo-small', name);

export const newWorkspace = (): Promise<Workspace> => Workspace.create({ name: 'test' });

/** Row counts of every table plus the exported bytes: "nothing changed" means both are equal. */
export function fingerprint(ws: Workspace): { counts: Record<string, number>; bytes: Buffer } {
  const counts = ws.tableCounts();
  const dirty = ws.dirty;
  const bytes = Buffer.from(ws.exportBytes());
  ws.dirty = dirty;
  return { counts, bytes };
}
