/** Which rule the Rulebook view shows; other views link to a rule by id. */
import type { StateCreator } from 'zustand';
import type { UiSlice } from './ui-slice';

export interface RulebookSlice {
  selectedRuleId: string | null;
  /** Opens the Rulebook view on one rule. */
  showRule(ruleId: string): void;
}

export const createRulebookSlice: StateCreator<RulebookSlice & UiSlice, [], [], RulebookSlice> = (set) => ({
  selectedRuleId: null,
  showRule: (ruleId) => set({ selectedRuleId: ruleId, view: 'rulebook' }),
});
