/**
 * The whole renderer ↔ main API: one entry per method (request → result) plus the push events.
 * Adding a method here forces a channel (channels.ts), a validator (requests.ts) and a handler
 * (electron/backend/handlers) at compile time.
 */
import type { Result } from './result';

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly rulebookId: string;
  /** 'electron' in the app, 'web-harness' in the renderer test suite, 'cli'. */
  readonly host: string;
}

export interface SourceSummary {
  readonly id: number;
  readonly fileName: string;
  readonly format: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly loadedAt: string;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
}

export interface WorkspaceSummary {
  readonly name: string;
  readonly isDemo: boolean;
  readonly dirty: boolean;
  readonly schemaVersion: number;
  readonly sources: readonly SourceSummary[];
  readonly counts: {
    readonly numbers: number;
    readonly contacts: number;
    readonly subscriptions: number;
    readonly events: number;
    readonly loadErrors: number;
  };
}

export interface Api {
  'app.info': { readonly request: Record<string, never>; readonly result: AppInfo };
  'workspace.summary': { readonly request: Record<string, never>; readonly result: WorkspaceSummary };
}

export type Method = keyof Api;
export type RequestOf<M extends Method> = Api[M]['request'];
export type ResultOf<M extends Method> = Api[M]['result'];

/** Events main pushes to the renderer; the bridge lets the page subscribe to these names only. */
export interface PushEvents {
  'workspace.changed': { readonly reason: string };
}
export type PushEvent = keyof PushEvents;

/** What the preload exposes on `window.opttrace`: exactly one function per method, plus `on`. */
export type Bridge = {
  readonly [M in Method]: (request: RequestOf<M>) => Promise<Result<ResultOf<M>>>;
} & {
  readonly on: <E extends PushEvent>(event: E, listener: (payload: PushEvents[E]) => void) => () => void;
};

export const BRIDGE_GLOBAL = 'opttrace';
