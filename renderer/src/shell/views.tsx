/** The sidebar's views, in order. Each feature registers its component here. */
import type { ComponentType } from 'react';
import type { ViewId } from '../store/ui-slice';
import { WorkspaceView } from '../features/workspace/workspace-view';
import { ContactsView } from '../features/contacts/contacts-view';
import { RulebookView } from '../features/rulebook/rulebook-view';

export interface ViewDef {
  readonly id: ViewId;
  readonly label: string;
  readonly shortcut: string;
  readonly component: ComponentType;
}

const Placeholder = (label: string) => () => <p className="muted">{label} arrives with its issue.</p>;

export const VIEWS: readonly ViewDef[] = [
  { id: 'workspace', label: 'Workspace', shortcut: '1', component: WorkspaceView },
  { id: 'contacts', label: 'Contacts', shortcut: '2', component: ContactsView },
  { id: 'simulator', label: 'Simulator', shortcut: '3', component: Placeholder('Simulator') },
  { id: 'library', label: 'Scenario library', shortcut: '4', component: Placeholder('Scenario library') },
  { id: 'rulebook', label: 'Rulebook', shortcut: '5', component: RulebookView },
];
