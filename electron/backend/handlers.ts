/** The contract's handlers: thin adapters from a validated request to a backend service. */
import type { Backend } from './backend';
import type { Handlers } from './dispatch';
import { plainReplay } from '../../shared/rules';
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
    // Plain steps: IPC results are structured-cloned, which keeps own fields only (see step-log.ts).
    'scenario.replay': (r) => plainReplay(replayScenario(r.scenario, r.assumptions)),
    'workspace.pickFiles': () => backend.pickFiles(),
    'workspace.load': (r) => backend.load(r),
    'workspace.cancelLoad': () => backend.cancelLoad(),
    'workspace.loadErrors': (r) => backend.loadErrors(r.offset, r.limit),
    'workspace.exportLoadErrors': () => backend.exportLoadErrors(),
    'workspace.save': () => backend.save(false),
    'workspace.saveAs': () => backend.save(true),
    'workspace.open': () => backend.open(),
    'workspace.new': () => backend.newWorkspace(),
    'contacts.search': (r) => backend.search(r),
    'contacts.facets': () => backend.facets(),
    'number.explain': (r) => backend.explain(r.number, r.assumptions),
    'number.scenario': (r) => backend.scenario(r.number),
    'rulebook.get': () => backend.rulebookView(),
    'rulebook.setAssumption': (r) => backend.setAssumption(r.name, r.value),
  };
};
