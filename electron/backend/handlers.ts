/** The contract's handlers: thin adapters from a validated request to a backend service. */
import type { Backend } from './backend';
import type { Handlers } from './dispatch';
import { replayScenario, ScenarioService } from './services/scenarios';

export const createHandlers = (backend: Backend): Handlers => {
  const scenarios = new ScenarioService(backend.host);
  return {
    'app.info': () => backend.info(),
    'workspace.summary': () => backend.summary(),
    'library.list': () => scenarios.list(),
    'library.get': (r) => scenarios.get(r.id),
    'scenario.open': () => scenarios.open(),
    'scenario.save': (r) => scenarios.save(r.scenario, r.defaultName),
    'scenario.exportSteps': (r) => scenarios.exportSteps(r.csv, r.defaultName),
    'scenario.replay': (r) => replayScenario(r.scenario, r.assumptions),
  };
};
