/**
 * What the backend needs from its host (Electron main, the renderer test harness, the CLI): file
 * dialogs are the host's, so the renderer never names a path; pushes go to the page.
 */
import type { PushEvent, PushEvents } from '../../shared/ipc/contract';

export interface Host {
  readonly name: 'electron' | 'web-harness' | 'cli';
  readonly version: string;
  /** Folder holding demo/ and scenarios/ (the repo's assets/ in dev, resources/assets when packaged). */
  readonly assetsDir: string;
  emit<E extends PushEvent>(event: E, payload: PushEvents[E]): void;
}
