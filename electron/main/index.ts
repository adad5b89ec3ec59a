/** Electron lifecycle: harden, serve the renderer, start the backend, open the window. */
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { EVENT_CHANNELS } from '../../shared/ipc/channels';
import type { MenuCommand } from '../../shared/ipc/contract';
import { Backend } from '../backend/backend';
import { createHandlers } from '../backend/handlers';
import { registerIpc } from './ipc/register';
import { nativeDialogs } from './dialogs';
import { registerDrop } from './drop';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { RecentFiles } from './recent';
import { hardenSessions, hardenWebContents } from './security';
import { createMainWindow } from './window';

const distDir = join(__dirname, '..');
const assetsDir = app.isPackaged ? join(process.resourcesPath, 'assets') : join(app.getAppPath(), 'assets');
let mainWindow: BrowserWindow | null = null;
let quitting = false;

registerAppScheme();
hardenWebContents();
app.enableSandbox();

/** Asks before unsaved changes are dropped; true when it is fine to go on. */
async function confirmDiscard(backend: Backend, action: string): Promise<boolean> {
  if (!backend.isDirty) return true;
  const options = { type: 'warning' as const, buttons: [action, 'Cancel'], defaultId: 1, cancelId: 1, message: 'The workspace has unsaved changes.', detail: `${action} anyway? Unsaved changes will be lost.` };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  return response === 0;
}

app.whenReady().then(async () => {
  hardenSessions();
  serveRenderer(join(distDir, 'renderer'));
  const recent = new RecentFiles(app.getPath('userData'));
  const backend = await Backend.create({
    name: 'electron',
    version: app.getVersion(),
    assetsDir,
    dialogs: nativeDialogs(() => mainWindow),
    confirmDiscard: (action) => confirmDiscard(backend, action),
    emit: (event, payload) => {
      mainWindow?.webContents.send(EVENT_CHANNELS[event], payload);
      if (event === 'workspace.changed') {
        updateTitle(backend);
        const path = backend.currentPath;
        if (path) void recent.add(path).then(() => menu());
      }
    },
  });
  const push = (command: MenuCommand) => mainWindow?.webContents.send(EVENT_CHANNELS['menu.command'], { command });
  const menu = () =>
    installMenu({
      command: push,
      openRecent: (path) => void backend.openPath(path).catch((e: unknown) => dialog.showErrorBox('Could not open the workspace', e instanceof Error ? e.message : String(e))),
      quit: () => app.quit(),
      about: () => void dialog.showMessageBox({ type: 'info', title: 'About OptTrace', message: `OptTrace ${app.getVersion()}`, detail: `Rulebook: ${backend.info().rulebookId}\nOffline: no network requests are made.` }),
    }, recent.list());
  registerIpc(createHandlers(backend));
  registerDrop(backend);
  menu();
  mainWindow = createMainWindow(join(distDir, 'preload', 'index.cjs'));
  updateTitle(backend);
  mainWindow.on('close', (event) => {
    if (quitting || !backend.isDirty) return;
    event.preventDefault();
    void confirmDiscard(backend, 'Quit').then((ok) => {
      if (ok) {
        quitting = true;
        app.quit();
      }
    });
  });
  mainWindow.on('closed', () => (mainWindow = null));
}).catch((error: unknown) => {
  dialog.showErrorBox('OptTrace could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});

function updateTitle(backend: Backend): void {
  mainWindow?.setTitle(`${backend.name}${backend.isDirty ? ' •' : ''} — OptTrace`);
  mainWindow?.setDocumentEdited(backend.isDirty);
}

app.on('window-all-closed', () => app.quit());
