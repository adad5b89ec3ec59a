/** One run-time validator per contract method: main checks every payload before any handler runs. */
import type { Scenario } from '../model';
import { parseScenario } from '../rules/parse-scenario';
import { assumptionOverrides } from './assumption-check';
import type { Method, RequestOf } from './contract';
import { DESK_CHECKS } from './desk-requests';
import { empty, obj, str, type Check } from './validate';

/** A whole `opttrace-scenario@1` document, checked by the engine's own parser (paths prefixed). */
const scenario: Check<Scenario> = (v, p, issues): v is Scenario => {
  const parsed = parseScenario(v);
  if (parsed.ok) return true;
  for (const i of parsed.issues) issues.push({ path: i.path ? `${p}.${i.path}` : p, message: i.message });
  return false;
};

const assumptions = assumptionOverrides;

/** Library ids are plain file names inside assets/scenarios: no folders, no traversal. */
const libraryId = str({ min: 1, max: 200, pattern: /^[a-z0-9][a-z0-9._-]*\.opttrace\.json$/i, what: 'a library file name (*.opttrace.json)' });
const fileName = str({ min: 1, max: 200, pattern: /^[^/\\:*?"<>|\u0000-\u001f]+$/, what: 'a file name without folders' });

export const REQUEST_CHECKS: { readonly [M in Method]: Check<RequestOf<M>> } = {
  'app.info': empty as Check<RequestOf<'app.info'>>,
  'workspace.summary': empty as Check<RequestOf<'workspace.summary'>>,
  'library.list': empty as Check<RequestOf<'library.list'>>,
  'library.get': obj({ id: libraryId }, []),
  'scenario.open': empty as Check<RequestOf<'scenario.open'>>,
  'scenario.save': obj({ scenario, defaultName: fileName }, []),
  'scenario.exportSteps': obj({ csv: str({ max: 100_000_000 }), defaultName: fileName }, []),
  'scenario.replay': obj({ scenario, assumptions }, ['assumptions']),
  ...DESK_CHECKS,
};
