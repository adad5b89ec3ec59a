/**
 * Builds `window.opttrace` from the channel table: one function per contract method and `on` for the
 * declared push events only. No generic invoke/send reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { DROP_CHANNEL, EVENT_CHANNELS, METHOD_CHANNELS, METHODS } from '../../shared/ipc/channels';
import { BRIDGE_GLOBAL, type Bridge, type PushEvent, type PushEvents } from '../../shared/ipc/contract';

const methods = Object.fromEntries(
  METHODS.map((method) => [method, (request: unknown) => ipcRenderer.invoke(METHOD_CHANNELS[method], request ?? {})]),
);

const on = <E extends PushEvent>(event: E, listener: (payload: PushEvents[E]) => void): (() => void) => {
  const channel = EVENT_CHANNELS[event];
  if (!channel) throw new Error(`unknown event ${String(event)}`);
  const wrapped = (_e: unknown, payload: PushEvents[E]) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => void ipcRenderer.removeListener(channel, wrapped);
};

const bridge = { ...methods, on } as unknown as Bridge;
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);

// Drag-and-drop of export files. Security: the page never learns or supplies a path. The preload's
// isolated world sees the real File objects of a genuine user drop, resolves their paths with
// webUtils.getPathForFile (only possible for files the user dropped) and sends them to main on an
// internal channel that is not part of the bridge; main re-checks the sender and answers with a
// `files.dropped` push carrying only a pick token, names and previews.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => {
  e.preventDefault();
  const files = Array.from(e.dataTransfer?.files ?? []);
  const paths = files.map((f) => webUtils.getPathForFile(f)).filter((p) => p !== '');
  if (paths.length > 0) ipcRenderer.send(DROP_CHANNEL, paths);
});
