/** A backend over the repo's assets with scripted dialogs, for service tests. */
import { join } from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { createHandlers } from '../../../electron/backend/handlers';
import { dispatch } from '../../../electron/backend/dispatch';
import type { FileDialogs } from '../../../electron/backend/host';
import type { PushEvent, PushEvents } from '../../../shared/ipc/contract';

export const ROOT = join(__dirname, '..', '..', '..');

export class QueueDialogs implements FileDialogs {
  readonly opens: (string[] | null)[] = [];
  readonly saves: (string | null)[] = [];
  async openFiles() { return this.opens.shift() ?? null; }
  async saveFile() { return this.saves.shift() ?? null; }
}

export async function makeBackend(assetsDir = join(ROOT, 'assets')) {
  const dialogs = new QueueDialogs();
  const events: { event: PushEvent; payload: unknown }[] = [];
  const backend = await Backend.create({
    name: 'cli', version: 'test', assetsDir, dialogs,
    emit: <E extends PushEvent>(event: E, payload: PushEvents[E]) => void events.push({ event, payload }),
  });
  const handlers = createHandlers(backend);
  const call = async (method: string, payload: unknown) => dispatch(handlers, method, payload);
  return { backend, dialogs, events, call };
}
