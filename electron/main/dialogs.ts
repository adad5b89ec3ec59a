/** Native file dialogs: the only way a path reaches the backend from the UI. */
import { BrowserWindow, dialog } from 'electron';
import type { FileDialogs } from '../backend/host';

export function nativeDialogs(window: () => BrowserWindow | null): FileDialogs {
  return {
    async openFiles({ title, filters, multiple }) {
      const win = window();
      const options = { title, filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })), properties: multiple ? (['openFile', 'multiSelections'] as const) : (['openFile'] as const) };
      const result = win ? await dialog.showOpenDialog(win, { ...options, properties: [...options.properties] }) : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      return result.canceled ? null : result.filePaths;
    },
    async saveFile({ title, defaultName, filters }) {
      const win = window();
      const options = { title, defaultPath: defaultName, filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
