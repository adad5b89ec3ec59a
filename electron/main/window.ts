/** The one BrowserWindow factory. */
import { BrowserWindow, nativeTheme } from 'electron';
import { APP_ENTRY, windowWebPreferences } from './security-policy';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'OptTrace',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f7f7f9',
    webPreferences: windowWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
