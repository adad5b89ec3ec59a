/** Explain: the selected number, in-place assumption overrides (re-explained at once), and the simulator hand-off. */
import type { StateCreator } from 'zustand';
import type { Explanation, ScenarioDocument } from '../../../shared/ipc/desk-types';
import { call } from '../api';
import type { State } from '.';

export interface ExplainSlice {
  selectedNumber: string | null;
  explanation: Explanation | null;
  explaining: boolean;
  assumptionOverrides: Record<string, unknown>;
  explain(number: string): Promise<void>;
  closeExplain(): void;
  overrideAssumption(name: string, value: unknown): Promise<void>;
  clearOverrides(): Promise<void>;
  openInSimulator(): Promise<void>;
  openScenarioInSimulator(scenario: ScenarioDocument): void;
}

export const createExplainSlice: StateCreator<State, [], [], ExplainSlice> = (set, get) => {
  const run = async (number: string, overrides: Record<string, unknown>) => {
    set({ explaining: true });
    try {
      const explanation = await call('number.explain', { number, ...(Object.keys(overrides).length ? { assumptions: overrides } : {}) });
      if (get().selectedNumber === number) set({ explanation, error: null });
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      set({ explaining: false });
    }
  };
  return {
    selectedNumber: null,
    explanation: null,
    explaining: false,
    assumptionOverrides: {},
    explain: async (number) => {
      set({ selectedNumber: number, explanation: null, assumptionOverrides: {} });
      await run(number, {});
    },
    closeExplain: () => set({ selectedNumber: null, explanation: null, assumptionOverrides: {} }),
    overrideAssumption: async (name, value) => {
      // Switching back to the workspace's own value is no longer a what-if.
      const workspaceValue = get().rulebook?.assumptions.find((a) => a.name === name)?.current;
      const overrides = { ...get().assumptionOverrides, [name]: value };
      if (workspaceValue !== undefined && JSON.stringify(workspaceValue) === JSON.stringify(value)) delete overrides[name];
      set({ assumptionOverrides: overrides });
      const n = get().selectedNumber;
      if (n) await run(n, overrides);
    },
    clearOverrides: async () => {
      set({ assumptionOverrides: {} });
      const n = get().selectedNumber;
      if (n) await run(n, {});
    },
    openInSimulator: async () => {
      const n = get().selectedNumber;
      if (!n) return;
      try {
        const scenario = await call('number.scenario', { number: n });
        const overrides = get().assumptionOverrides;
        get().openScenarioInSimulator(Object.keys(overrides).length ? { ...scenario, rulebook: { ...scenario.rulebook, assumptions: { ...scenario.rulebook?.assumptions, ...overrides } } } : scenario);
      } catch (e) {
        set({ error: e instanceof Error ? e.message : String(e) });
      }
    },
    openScenarioInSimulator: (scenario) => get().openScenario(scenario, { kind: 'history', mobileNumber: get().selectedNumber ?? '' }),
  };
};
