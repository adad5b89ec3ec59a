/** One zustand store built from slices; components select narrowly and never call the bridge. */
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type State = AppSlice & UiSlice;

export const useStore = create<State>()((...a) => ({
  ...createAppSlice(...a),
  ...createUiSlice(...a),
}));
