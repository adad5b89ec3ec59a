/**
 * Files dropped on the window: the preload sends their paths on an internal channel that the page
 * cannot reach. Main accepts them only from the app's main frame, keeps only existing regular files,
 * picks them (token + detected formats) and pushes the result to the page as `files.dropped`.
 */
import { ipcMain } from 'electron';
import { statSync } from 'node:fs';
import { DROP_CHANNEL, EVENT_CHANNELS } from '../../shared/ipc/channels';
import type { Backend } from '../backend/backend';
import { isTrustedSender } from './security-policy';

export function registerDrop(backend: Backend): void {
  ipcMain.on(DROP_CHANNEL, (event, paths: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame)) return;
    if (!Array.isArray(paths) || paths.length > 50) return;
    const files = paths.filter((p): p is string => typeof p === 'string' && p.length < 4096 && isFile(p));
    if (files.length === 0) return;
    backend.picks.fromPaths(files).then(
      (picked) => event.sender.send(EVENT_CHANNELS['files.dropped'], picked),
      () => undefined,
    );
  });
}

const isFile = (p: string): boolean => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};
