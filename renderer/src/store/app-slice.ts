import type { StateCreator } from 'zustand';
import type { AppInfo, WorkspaceSummary } from '../../../shared/ipc/contract';
import { call } from '../api';

export interface AppSlice {
  info: AppInfo | null;
  summary: WorkspaceSummary | null;
  error: string | null;
  boot(): Promise<void>;
}

export const createAppSlice: StateCreator<AppSlice, [], [], AppSlice> = (set) => ({
  info: null,
  summary: null,
  error: null,
  async boot() {
    try {
      const [info, summary] = await Promise.all([call('app.info', {}), call('workspace.summary', {})]);
      set({ info, summary, error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
});
