/** The workspace: pick → detected formats (overridable) → load with progress → honest summary; save/open. */
import type { StateCreator } from 'zustand';
import type { ExportFormat, LoadErrorsPage, LoadOutcome, LoadProgress, PickResult } from '../../../shared/ipc/desk-types';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { call, subscribe } from '../api';
import type { State } from '.';

export const ERRORS_PAGE = 50;

export interface WorkspaceSlice {
  pick: PickResult | null;
  overrides: Record<string, ExportFormat>;
  progress: LoadProgress | null;
  loading: boolean;
  outcome: LoadOutcome | null;
  loadErrors: LoadErrorsPage | null;
  errorsOffset: number;
  notice: string | null;
  refreshSummary(): Promise<void>;
  pickFiles(): Promise<void>;
  setPick(pick: PickResult): void;
  setOverride(id: string, format: ExportFormat): void;
  discardPick(): void;
  startLoad(): Promise<void>;
  cancelLoad(): Promise<void>;
  setProgress(p: LoadProgress): void;
  fetchLoadErrors(offset: number): Promise<void>;
  exportLoadErrors(): Promise<void>;
  saveWorkspace(as: boolean): Promise<void>;
  openWorkspace(): Promise<void>;
  newWorkspace(): Promise<void>;
  /** Subscribes to push events and fetches what the desktop views need; returns the unsubscribe. */
  startDesk(): () => void;
  dismissMessages(): void;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export const createWorkspaceSlice: StateCreator<State, [], [], WorkspaceSlice> = (set, get) => {
  const guarded = async (work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (e) {
      set({ error: message(e) });
    }
  };
  const afterChange = async (notice: string | null) => {
    set({ notice, error: null });
    await get().refreshSummary();
    get().resetContacts();
    void get().fetchLoadErrors(0);
    void get().loadRulebook();
  };
  const runMenu = (command: MenuCommand): void => {
    const s = get();
    switch (command) {
      case 'open-exports': return void s.pickFiles();
      case 'open-workspace': return void s.openWorkspace();
      case 'save-workspace': return void s.saveWorkspace(false);
      case 'save-workspace-as': return void s.saveWorkspace(true);
      case 'new-workspace': return void s.newWorkspace();
      case 'theme-light': return s.setTheme('light');
      case 'theme-dark': return s.setTheme('dark');
      case 'theme-system': return s.setTheme('system');
      default: return command satisfies never;
    }
  };
  return {
    pick: null,
    overrides: {},
    progress: null,
    loading: false,
    outcome: null,
    loadErrors: null,
    errorsOffset: 0,
    notice: null,
    refreshSummary: () => guarded(async () => set({ summary: await call('workspace.summary', {}) })),
    pickFiles: () => guarded(async () => {
      const pick = await call('workspace.pickFiles', {});
      if (pick.token) get().setPick(pick);
    }),
    setPick: (pick) => set({ pick, overrides: {}, outcome: null, view: 'workspace' }),
    setOverride: (id, format) => set((s) => ({ overrides: { ...s.overrides, [id]: format } })),
    discardPick: () => set({ pick: null, overrides: {} }),
    startLoad: () => guarded(async () => {
      const { pick, overrides } = get();
      if (!pick?.token) return;
      set({ loading: true, progress: null, outcome: null, error: null });
      try {
        const files = pick.files.map((f) => (overrides[f.id] ? { id: f.id, format: overrides[f.id] } : { id: f.id }));
        const outcome = await call('workspace.load', { token: pick.token, files });
        set({ outcome, pick: null });
        await afterChange(null);
      } finally {
        set({ loading: false });
      }
    }),
    cancelLoad: () => guarded(async () => void (await call('workspace.cancelLoad', {}))),
    setProgress: (progress) => set({ progress }),
    fetchLoadErrors: (offset) => guarded(async () => set({ loadErrors: await call('workspace.loadErrors', { offset, limit: ERRORS_PAGE }), errorsOffset: offset })),
    exportLoadErrors: () => guarded(async () => {
      const r = await call('workspace.exportLoadErrors', {});
      if (r.path) set({ notice: `Rejected rows exported to ${r.path}.` });
    }),
    saveWorkspace: (as) => guarded(async () => {
      const r = await call(as ? 'workspace.saveAs' : 'workspace.save', {});
      if (r.path) await afterChange(`Saved as ${r.path}.`);
    }),
    openWorkspace: () => guarded(async () => {
      const r = await call('workspace.open', {});
      if (r.path) await afterChange(`Opened ${r.path}.`);
    }),
    startDesk: () => {
      const offs = [
        subscribe('load.progress', (p) => get().setProgress(p)),
        subscribe('files.dropped', (pick) => get().setPick(pick)),
        subscribe('menu.command', ({ command }) => runMenu(command)),
        subscribe('workspace.changed', () => void get().refreshSummary()),
      ];
      void afterChange(null);
      return () => offs.forEach((off) => off());
    },
    dismissMessages: () => set({ notice: null, error: null }),
    newWorkspace: () => guarded(async () => {
      await call('workspace.new', {});
      set({ outcome: null });
      await afterChange('Started an empty workspace.');
    }),
  };
};
