/** One IPC channel per contract method and push event; completeness is checked by the types. */
import type { Method, PushEvent } from './contract';

export const METHOD_CHANNELS = {
  'app.info': 'opttrace:app.info',
  'workspace.summary': 'opttrace:workspace.summary',
  'library.list': 'opttrace:library.list',
  'library.get': 'opttrace:library.get',
  'scenario.open': 'opttrace:scenario.open',
  'scenario.save': 'opttrace:scenario.save',
  'scenario.exportSteps': 'opttrace:scenario.exportSteps',
  'scenario.replay': 'opttrace:scenario.replay',
  'workspace.pickFiles': 'opttrace:workspace.pickFiles',
  'workspace.load': 'opttrace:workspace.load',
  'workspace.cancelLoad': 'opttrace:workspace.cancelLoad',
  'workspace.loadErrors': 'opttrace:workspace.loadErrors',
  'workspace.exportLoadErrors': 'opttrace:workspace.exportLoadErrors',
  'workspace.save': 'opttrace:workspace.save',
  'workspace.saveAs': 'opttrace:workspace.saveAs',
  'workspace.open': 'opttrace:workspace.open',
  'workspace.new': 'opttrace:workspace.new',
  'contacts.search': 'opttrace:contacts.search',
  'contacts.facets': 'opttrace:contacts.facets',
  'number.explain': 'opttrace:number.explain',
  'number.scenario': 'opttrace:number.scenario',
  'rulebook.get': 'opttrace:rulebook.get',
  'rulebook.setAssumption': 'opttrace:rulebook.setAssumption',
} as const satisfies { readonly [M in Method]: `opttrace:${M}` };

export const EVENT_CHANNELS = {
  'workspace.changed': 'opttrace-event:workspace.changed',
  'load.progress': 'opttrace-event:load.progress',
  'menu.command': 'opttrace-event:menu.command',
  'files.dropped': 'opttrace-event:files.dropped',
} as const satisfies { readonly [E in PushEvent]: `opttrace-event:${E}` };

export const METHODS = Object.keys(METHOD_CHANNELS) as Method[];
export const PUSH_EVENTS = Object.keys(EVENT_CHANNELS) as PushEvent[];

/** Preload → main only (never exposed to the page): paths of files dropped on the window. */
export const DROP_CHANNEL = 'opttrace-internal:files.dropped';
