/**
 * The whole renderer ↔ main API: one entry per method (request → result) plus the push events.
 * Adding a method here forces a channel (channels.ts), a validator (requests.ts) and a handler
 * (electron/backend/handlers) at compile time.
 */
import type { Scenario } from '../model';
import type { Replay } from '../rules/replay-types';
import type { Result } from './result';
import type {
  ContactFacets, ContactPage, ContactQuery, Explanation, LoadErrorsPage, LoadOutcome, LoadProgress, LoadRequest, PickResult,
  RulebookView, SaveResult, ScenarioDocument,
} from './desk-types';

export type * from './desk-types';

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

/** One scenario of the built-in library (assets/scenarios), with what it exercises. */
export interface LibraryEntry {
  /** File name without folders, e.g. `ka-000381673-stop-then-imports.opttrace.json`. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly events: number;
  /** Rule ids decided (changes or not) and flags raised when replayed with its own rulebook. */
  readonly rules: readonly string[];
  readonly flags: readonly string[];
  /** Expectations in the file, and how many hold. */
  readonly expectations: number;
  readonly passing: number;
}

/** A scenario opened by main (library or file dialog), already parsed and validated. */
export interface OpenedScenario {
  readonly scenario: Scenario;
  /** What to show as its origin: library file name or the opened file's name (never a full path). */
  readonly name: string;
}

export interface SavedFile {
  readonly fileName: string;
}

export interface Api {
  'app.info': { readonly request: Record<string, never>; readonly result: AppInfo };
  'workspace.summary': { readonly request: Record<string, never>; readonly result: WorkspaceSummary };
  'library.list': { readonly request: Record<string, never>; readonly result: readonly LibraryEntry[] };
  'library.get': { readonly request: { readonly id: string }; readonly result: OpenedScenario };
  /** Asks main's open dialog for a `.opttrace.json`; null when cancelled; invalid → `bad-input` with issues. */
  'scenario.open': { readonly request: Record<string, never>; readonly result: OpenedScenario | null };
  /** Save dialog + atomic write of the scenario exactly as given; null when cancelled. */
  'scenario.save': { readonly request: { readonly scenario: Scenario; readonly defaultName: string }; readonly result: SavedFile | null };
  /** Save dialog + atomic write of the simulator's step log (CSV text built by the renderer). */
  'scenario.exportSteps': { readonly request: { readonly csv: string; readonly defaultName: string }; readonly result: SavedFile | null };
  /** The same engine in main: replay with the scenario's rulebook plus overrides. */
  'scenario.replay': { readonly request: { readonly scenario: Scenario; readonly assumptions?: Readonly<Record<string, unknown>> }; readonly result: Replay };
  // The analyst's desktop: open, load, find, explain, keep (desk-types.ts).
  'workspace.pickFiles': { readonly request: Record<string, never>; readonly result: PickResult };
  'workspace.load': { readonly request: LoadRequest; readonly result: LoadOutcome };
  'workspace.cancelLoad': { readonly request: Record<string, never>; readonly result: { readonly cancelled: boolean } };
  'workspace.loadErrors': { readonly request: { readonly offset: number; readonly limit: number }; readonly result: LoadErrorsPage };
  'workspace.exportLoadErrors': { readonly request: Record<string, never>; readonly result: SaveResult };
  'workspace.save': { readonly request: Record<string, never>; readonly result: SaveResult };
  'workspace.saveAs': { readonly request: Record<string, never>; readonly result: SaveResult };
  'workspace.open': { readonly request: Record<string, never>; readonly result: SaveResult };
  'workspace.new': { readonly request: Record<string, never>; readonly result: WorkspaceSummary };
  'contacts.search': { readonly request: ContactQuery; readonly result: ContactPage };
  'contacts.facets': { readonly request: Record<string, never>; readonly result: ContactFacets };
  'number.explain': { readonly request: { readonly number: string; readonly assumptions?: Readonly<Record<string, unknown>> }; readonly result: Explanation };
  'number.scenario': { readonly request: { readonly number: string }; readonly result: ScenarioDocument };
  'rulebook.get': { readonly request: Record<string, never>; readonly result: RulebookView };
  'rulebook.setAssumption': { readonly request: { readonly name: string; readonly value: unknown }; readonly result: RulebookView };
}

export type Method = keyof Api;
export type RequestOf<M extends Method> = Api[M]['request'];
export type ResultOf<M extends Method> = Api[M]['result'];

/** Events main pushes to the renderer; the bridge lets the page subscribe to these names only. */
export interface PushEvents {
  'workspace.changed': { readonly reason: string };
  'load.progress': LoadProgress;
  /** A native menu item was chosen; the renderer runs the matching store action. */
  'menu.command': { readonly command: MenuCommand };
  /** Export files were dropped on the window (paths resolved in the preload, picked in main). */
  'files.dropped': PickResult;
}

export const MENU_COMMANDS = ['open-exports', 'open-workspace', 'save-workspace', 'save-workspace-as', 'new-workspace', 'theme-light', 'theme-dark', 'theme-system'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export type PushEvent = keyof PushEvents;

/** What the preload exposes on `window.opttrace`: exactly one function per method, plus `on`. */
export type Bridge = {
  readonly [M in Method]: (request: RequestOf<M>) => Promise<Result<ResultOf<M>>>;
} & {
  readonly on: <E extends PushEvent>(event: E, listener: (payload: PushEvents[E]) => void) => () => void;
};

export const BRIDGE_GLOBAL = 'opttrace';
