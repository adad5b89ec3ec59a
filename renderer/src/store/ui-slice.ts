/** Navigation and appearance: which view is open, and the theme (follows the OS unless overridden). */
import type { StateCreator } from 'zustand';

export type ViewId = 'workspace' | 'contacts' | 'simulator' | 'library' | 'rulebook';
export type ThemeChoice = 'system' | 'light' | 'dark';

export interface UiSlice {
  view: ViewId;
  theme: ThemeChoice;
  setView(view: ViewId): void;
  setTheme(theme: ThemeChoice): void;
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  view: 'workspace',
  theme: 'system',
  setView: (view) => set({ view }),
  setTheme: (theme) => set({ theme }),
});
