/** The rulebook: rules, assumptions (workspace-wide values), and the rule an explanation link points at. */
import type { StateCreator } from 'zustand';
import type { RulebookView } from '../../../shared/ipc/desk-types';
import { call } from '../api';
import type { State } from '.';

export interface RulebookSlice {
  rulebook: RulebookView | null;
  selectedRuleId: string | null;
  loadRulebook(): Promise<void>;
  /** Opens the Rulebook view on one rule (links from the simulator and explain panel). */
  showRule(ruleId: string): void;
  selectRule(id: string | null): void;
  setWorkspaceAssumption(name: string, value: unknown): Promise<void>;
}

export const createRulebookSlice: StateCreator<State, [], [], RulebookSlice> = (set, get) => ({
  rulebook: null,
  selectedRuleId: null,
  loadRulebook: async () => {
    try {
      set({ rulebook: await call('rulebook.get', {}) });
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) });
    }
  },
  showRule: (ruleId) => set({ selectedRuleId: ruleId, view: 'rulebook' }),
  selectRule: (id) => set(id ? { selectedRuleId: id, view: 'rulebook' } : { selectedRuleId: null }),
  setWorkspaceAssumption: async (name, value) => {
    try {
      set({ rulebook: await call('rulebook.setAssumption', { name, value }) });
      await get().refreshSummary();
      get().resetContacts();
      const n = get().selectedNumber;
      if (n) void get().explain(n);
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) });
    }
  },
});
