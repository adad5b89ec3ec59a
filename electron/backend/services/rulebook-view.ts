/** rulebook.get: every rule with its sources, every assumption with default, current value and conflicts. */
import type { RulebookView } from '../../../shared/ipc/desk-types';
import { ASSUMPTION_DEFS, RULES, SOURCES, type Rulebook } from '../../../shared/rules';

export function rulebookView(rulebook: Rulebook): RulebookView {
  return {
    id: rulebook.id,
    preset: rulebook.preset,
    rules: Object.values(RULES).map((r) => ({
      id: r.id, title: r.title, description: r.description, basis: r.basis, assumptions: r.assumptions,
      sources: r.sources.map((s) => ({ id: s, title: SOURCES[s].title, cite: SOURCES[s].cite })),
    })),
    assumptions: ASSUMPTION_DEFS.map((d) => ({
      name: d.name, kind: d.type.kind, ...(d.type.kind === 'enum' ? { values: d.type.values } : {}),
      default: d.default, current: rulebook.assumptions[d.name], description: d.description, conflicts: d.note, sources: d.sources,
    })),
  };
}
