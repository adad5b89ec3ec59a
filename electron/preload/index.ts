/**
 * Builds `window.opttrace` from the channel table: one function per contract method and `on` for the
 * declared push events only. No generic invoke/send reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNELS, METHOD_CHANNELS, METHODS } from '../../shared/ipc/channels';
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
