/** One zustand store built from slices; components select narrowly and never call the bridge. */
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice';
import { createLibrarySlice, type LibrarySlice } from './library-slice';
import { createRulebookSlice, type RulebookSlice } from './rulebook-slice';
import { createSimulatorSlice, type SimulatorSlice } from './simulator-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type State = AppSlice & UiSlice & SimulatorSlice & RulebookSlice & LibrarySlice;

export const useStore = create<State>()((...a) => ({
  ...createAppSlice(...a),
  ...createUiSlice(...a),
  ...createSimulatorSlice(...a),
  ...createRulebookSlice(...a),
  ...createLibrarySlice(...a),
}));
