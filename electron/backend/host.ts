/**
 * What the backend needs from its host (Electron main, the renderer test harness, the CLI): file
 * dialogs are the host's, so the renderer never names a path; pushes go to the page.
 */
import type { PushEvent, PushEvents } from '../../shared/ipc/contract';

export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/** Owned by main (native dialogs) or scripted by the test harness; null means the user cancelled. */
export interface FileDialogs {
  openFiles(options: { readonly title: string; readonly filters: readonly FileFilter[]; readonly multiple: boolean }): Promise<string[] | null>;
  saveFile(options: { readonly title: string; readonly defaultName: string; readonly filters: readonly FileFilter[] }): Promise<string | null>;
}

export interface Host {
  readonly name: 'electron' | 'web-harness' | 'cli';
  readonly version: string;
  /** Folder holding demo/ and scenarios/ (the repo's assets/ in dev, resources/assets when packaged). */
  readonly assetsDir: string;
  readonly dialogs: FileDialogs;
  /** Asks the user before unsaved changes are dropped ("Open workspace", "New workspace"); absent: go on. */
  readonly confirmDiscard?: (action: string) => Promise<boolean>;
  emit<E extends PushEvent>(event: E, payload: PushEvents[E]): void;
}

/** For hosts without a user to ask (CLI, benchmarks): every dialog is cancelled. */
export const NO_DIALOGS: FileDialogs = {
  openFiles: async () => null,
  saveFile: async () => null,
};
