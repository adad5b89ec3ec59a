/** One zustand store built from slices; components select narrowly and never call the bridge. */
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice';
import { createContactsSlice, type ContactsSlice } from './contacts-slice';
import { createExplainSlice, type ExplainSlice } from './explain-slice';
import { createRulebookSlice, type RulebookSlice } from './rulebook-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';

export type State = AppSlice & UiSlice & WorkspaceSlice & ContactsSlice & ExplainSlice & RulebookSlice;

export const useStore = create<State>()((...a) => ({
  ...createAppSlice(...a),
  ...createUiSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createContactsSlice(...a),
  ...createExplainSlice(...a),
  ...createRulebookSlice(...a),
}));
