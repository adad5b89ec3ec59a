/** Electron lifecycle: harden, serve the renderer, start the backend, open the window. */
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { EVENT_CHANNELS } from '../../shared/ipc/channels';
import { Backend } from '../backend/backend';
import { createHandlers } from '../backend/handlers';
import { registerIpc } from './ipc/register';
import { nativeDialogs } from './dialogs';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSessions, hardenWebContents } from './security';
import { createMainWindow } from './window';

const distDir = join(__dirname, '..');
const assetsDir = app.isPackaged ? join(process.resourcesPath, 'assets') : join(app.getAppPath(), 'assets');
let mainWindow: BrowserWindow | null = null;

registerAppScheme();
hardenWebContents();
app.enableSandbox();

app.whenReady().then(async () => {
  hardenSessions();
  serveRenderer(join(distDir, 'renderer'));
  const backend = await Backend.create({
    name: 'electron',
    version: app.getVersion(),
    assetsDir,
    dialogs: nativeDialogs(() => mainWindow),
    emit: (event, payload) => mainWindow?.webContents.send(EVENT_CHANNELS[event], payload),
  });
  registerIpc(createHandlers(backend));
  installMenu({
    about: () =>
      void dialog.showMessageBox({ type: 'info', title: 'About OptTrace', message: `OptTrace ${app.getVersion()}`, detail: `Rulebook: ${backend.info().rulebookId}` }),
  });
  mainWindow = createMainWindow(join(distDir, 'preload', 'index.cjs'));
  mainWindow.on('closed', () => (mainWindow = null));
}).catch((error: unknown) => {
  dialog.showErrorBox('OptTrace could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
