/** Native menus; items call back into main, which runs backend actions or pushes `menu.command` to the page. */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { MenuCommand } from '../../shared/ipc/contract';

export interface MenuActions {
  command(command: MenuCommand): void;
  openRecent(path: string): void;
  quit(): void;
  about(): void;
}

export function installMenu(actions: MenuActions, recent: readonly string[]): void {
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({ label, click: () => actions.command(command), ...(accelerator ? { accelerator } : {}) });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        cmd('Open exports…', 'open-exports', 'CmdOrCtrl+O'),
        cmd('Open workspace…', 'open-workspace', 'CmdOrCtrl+Shift+O'),
        cmd('New workspace', 'new-workspace', 'CmdOrCtrl+N'),
        {
          label: 'Recent workspaces',
          submenu: recent.length > 0 ? recent.map((p) => ({ label: basename(p), toolTip: p, click: () => actions.openRecent(p) })) : [{ label: 'No recent workspaces', enabled: false }],
        },
        { type: 'separator' },
        cmd('Save workspace', 'save-workspace', 'CmdOrCtrl+S'),
        cmd('Save workspace as…', 'save-workspace-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        { label: process.platform === 'darwin' ? 'Close window' : 'Quit', accelerator: process.platform === 'darwin' ? 'CmdOrCtrl+W' : 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Theme', submenu: [cmd('Follow system', 'theme-system'), cmd('Light', 'theme-light'), cmd('Dark', 'theme-dark')] },
        { type: 'separator' },
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }, { role: 'toggleDevTools' },
      ],
    },
    { role: 'help', submenu: [{ label: `About ${app.getName()}`, click: () => actions.about() }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
