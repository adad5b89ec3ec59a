/**
 * Registers every contract method through one wrapper: the sender must be the app's own main frame,
 * then `dispatch` validates the payload and turns exceptions into error results.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { METHOD_CHANNELS, METHODS } from '../../../shared/ipc/channels';
import { fail } from '../../../shared/ipc/result';
import { dispatch, type Handlers } from '../../backend/dispatch';
import { isTrustedSender } from '../security-policy';

const trusted = (event: IpcMainInvokeEvent): boolean => {
  const frame = event.senderFrame;
  return isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame);
};

export function registerIpc(handlers: Handlers): void {
  for (const method of METHODS) {
    ipcMain.handle(METHOD_CHANNELS[method], (event, payload: unknown) =>
      trusted(event) ? dispatch(handlers, method, payload) : fail('forbidden-sender', `${method}: refused a call from an untrusted frame`),
    );
  }
}
