/** Validators for the desktop methods: every field checked, unknown fields refused. */
import { VERDICTS, SUBSCRIPTION_STATUSES } from '../model';
import { checkAssumptionValue } from '../rules/rulebook';
import { assumptionOverrides } from './assumption-check';
import type { RequestOf } from './contract';
import { CONTACT_SORTS, EXPORT_FORMATS } from './desk-types';
import { arrayOf, bool, empty, int, obj, oneOf, str, type Check } from './validate';

const none = <M extends keyof DeskRequests>() => empty as unknown as Check<DeskRequests[M]>;
type DeskRequests = { [M in DeskMethod]: RequestOf<M> };
type DeskMethod =
  | 'workspace.pickFiles' | 'workspace.load' | 'workspace.cancelLoad' | 'workspace.loadErrors' | 'workspace.exportLoadErrors'
  | 'workspace.save' | 'workspace.saveAs' | 'workspace.open' | 'workspace.new' | 'contacts.search' | 'contacts.facets'
  | 'number.explain' | 'number.scenario' | 'rulebook.get' | 'rulebook.setAssumption';

const number = str({ min: 1, max: 40, pattern: /^[+\d\s().-]+$/, what: 'a mobile number (digits, spaces, + ( ) - .)' });
const name = str({ min: 1, max: 64 });

const assumptions = assumptionOverrides;

const setAssumption: Check<RequestOf<'rulebook.setAssumption'>> = (v, p, issues): v is RequestOf<'rulebook.setAssumption'> => {
  if (!obj({ name, value: (_x: unknown): _x is unknown => true })(v, p, issues)) return false;
  return checkAssumptionValue(v.name, v.value, p === '' ? 'value' : `${p}.value`, issues);
};

const loadCheck = obj({
  token: str({ min: 1, max: 64 }),
  files: arrayOf(obj({ id: str({ min: 1, max: 16 }), format: oneOf(EXPORT_FORMATS) }, ['format']), 100),
});
const pageCheck = obj({ offset: int(0), limit: int(1, 1000) });
const scenarioCheck = obj({ number });

const statuses = SUBSCRIPTION_STATUSES.filter((s) => s !== 'None');

export const DESK_CHECKS: { readonly [M in DeskMethod]: Check<RequestOf<M>> } = {
  'workspace.pickFiles': none<'workspace.pickFiles'>(),
  'workspace.load': loadCheck,
  'workspace.cancelLoad': none<'workspace.cancelLoad'>(),
  'workspace.loadErrors': pageCheck,
  'workspace.exportLoadErrors': none<'workspace.exportLoadErrors'>(),
  'workspace.save': none<'workspace.save'>(),
  'workspace.saveAs': none<'workspace.saveAs'>(),
  'workspace.open': none<'workspace.open'>(),
  'workspace.new': none<'workspace.new'>(),
  'contacts.search': obj(
    {
      query: str({ max: 40 }), code: str({ max: 32 }), keyword: str({ max: 64 }), status: oneOf(statuses), verdict: oneOf(VERDICTS),
      sort: oneOf(CONTACT_SORTS), descending: bool, after: str({ max: 200 }), offset: int(0), limit: int(1, 500), withTotal: bool,
    },
    ['query', 'code', 'keyword', 'status', 'verdict', 'sort', 'descending', 'after', 'offset', 'withTotal'],
  ) as Check<RequestOf<'contacts.search'>>,
  'contacts.facets': none<'contacts.facets'>(),
  'number.explain': obj({ number, assumptions }, ['assumptions']),
  'number.scenario': scenarioCheck,
  'rulebook.get': none<'rulebook.get'>(),
  'rulebook.setAssumption': setAssumption,
};
