/** The scenario library (assets/scenarios, listed by main). */
import type { StateCreator } from 'zustand';
import type { LibraryEntry } from '../../../shared/ipc/contract';
import { call } from '../api';

export interface LibrarySlice {
  library: readonly LibraryEntry[] | null;
  libraryError: string | null;
  loadLibrary(): Promise<void>;
}

export const createLibrarySlice: StateCreator<LibrarySlice, [], [], LibrarySlice> = (set) => ({
  library: null,
  libraryError: null,
  async loadLibrary() {
    try {
      set({ library: await call('library.list', {}), libraryError: null });
    } catch (e) {
      set({ libraryError: e instanceof Error ? e.message : String(e) });
    }
  },
});
