/** Native menus; items call back into main (never into the renderer's code directly). */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  about(): void;
}

export function installMenu(actions: MenuActions): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [{ role: process.platform === 'darwin' ? 'close' : 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }, { role: 'toggleDevTools' }] },
    { role: 'help', submenu: [{ label: `About ${app.getName()}`, click: () => actions.about() }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
