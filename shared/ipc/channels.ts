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
} as const satisfies { readonly [M in Method]: `opttrace:${M}` };

export const EVENT_CHANNELS = {
  'workspace.changed': 'opttrace-event:workspace.changed',
} as const satisfies { readonly [E in PushEvent]: `opttrace-event:${E}` };

export const METHODS = Object.keys(METHOD_CHANNELS) as Method[];
export const PUSH_EVENTS = Object.keys(EVENT_CHANNELS) as PushEvent[];
