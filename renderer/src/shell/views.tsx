/** The sidebar's views, in order. Each feature registers its component here. */
import type { ComponentType } from 'react';
import type { ViewId } from '../store/ui-slice';
import { LibraryView } from '../features/library/library-view';
import { SimulatorView } from '../features/simulator/simulator-view';
import { WorkspaceView } from '../features/workspace/workspace-view';
import { ContactsView } from '../features/contacts/contacts-view';
import { RulebookView } from '../features/rulebook/rulebook-view';

export interface ViewDef {
  readonly id: ViewId;
  readonly label: string;
  readonly shortcut: string;
  readonly component: ComponentType;
}


export const VIEWS: readonly ViewDef[] = [
  { id: 'workspace', label: 'Workspace', shortcut: '1', component: WorkspaceView },
  { id: 'contacts', label: 'Contacts', shortcut: '2', component: ContactsView },
  { id: 'simulator', label: 'Simulator', shortcut: '3', component: SimulatorView },
  { id: 'library', label: 'Scenario library', shortcut: '4', component: LibraryView },
  { id: 'rulebook', label: 'Rulebook', shortcut: '5', component: RulebookView },
];
