/** One zustand store built from slices; components select narrowly and never call the bridge. */
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice';
import { createLibrarySlice, type LibrarySlice } from './library-slice';
import { createRulebookSlice, type RulebookSlice } from './rulebook-slice';
import { createSimulatorSlice, type SimulatorSlice } from './simulator-slice';
import { createContactsSlice, type ContactsSlice } from './contacts-slice';
import { createExplainSlice, type ExplainSlice } from './explain-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';

export type State = AppSlice & UiSlice & WorkspaceSlice & ContactsSlice & ExplainSlice & RulebookSlice & SimulatorSlice & LibrarySlice;

export const useStore = create<State>()((...a) => ({
  ...createAppSlice(...a),
  ...createUiSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createContactsSlice(...a),
  ...createExplainSlice(...a),
  ...createRulebookSlice(...a),
  ...createSimulatorSlice(...a),
  ...createLibrarySlice(...a),
}));
