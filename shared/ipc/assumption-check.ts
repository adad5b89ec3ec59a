/** Assumption overrides in a request: an object whose every name is known and every value of its type. */
import { checkAssumptionValue } from '../rules/rulebook';
import { describe, type Check } from './validate';

export const assumptionOverrides: Check<Record<string, unknown>> = (v, p, issues): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    issues.push({ path: p, message: `expected an object of assumption values, got ${describe(v)}` });
    return false;
  }
  let good = true;
  for (const [name, value] of Object.entries(v)) good = checkAssumptionValue(name, value, `${p}.${name}`, issues) && good;
  return good;
};
