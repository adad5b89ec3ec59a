/** The contract's handlers: thin adapters from a validated request to a backend service. */
import type { Backend } from './backend';
import type { Handlers } from './dispatch';

export const createHandlers = (backend: Backend): Handlers => ({
  'app.info': () => backend.info(),
  'workspace.summary': () => backend.summary(),
});
