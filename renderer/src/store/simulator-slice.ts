/**
 * The scenario simulator: the open scenario, its baseline (for reverting what-if edits), the replay
 * recomputed at once on every edit by the pure engine, the cursor (0 = before the first event) and
 * the optional second run under other assumptions.
 */
import type { StateCreator } from 'zustand';
import type { EventRoute, Expectation, Scenario, ScenarioEvent } from '../../../shared/model';
import { ApiCallError, call } from '../api';
import { runReplay, type Overrides, type Replay } from '../features/simulator/engine-adapter';
import * as edits from '../features/simulator/edits';
import { routeOf } from '../features/simulator/routes';
import { stepLogCsv } from '../features/simulator/step-log';
import type { UiSlice } from './ui-slice';

export type ScenarioOrigin =
  | { readonly kind: 'library'; readonly name: string }
  | { readonly kind: 'file'; readonly name: string }
  | { readonly kind: 'blank' }
  | { readonly kind: 'history'; readonly mobileNumber: string };

export interface PinnedSubscription { readonly mobileNumber: string; readonly code: string; readonly keyword: string }
export type Speed = 1 | 2 | 4 | 8;
export const SPEEDS: readonly Speed[] = [1, 2, 4, 8];

export interface SimulatorSlice {
  simScenario: Scenario | null;
  simBaseline: Scenario | null;
  simOrigin: ScenarioOrigin | null;
  simReplay: Replay | null;
  /** The second interpretation: overrides on top of the scenario's rulebook, and its replay. */
  simCompare: Overrides | null;
  simCompareReplay: Replay | null;
  simError: string | null;
  simNotice: string | null;
  simCursor: number;
  simPlaying: boolean;
  simSpeed: Speed;
  simHiddenRoutes: readonly EventRoute[];
  simPinned: PinnedSubscription | null;
  simShowBefore: boolean;
  simEditing: { readonly mode: 'edit' | 'insert'; readonly eventId: string | null } | null;

  openScenario(scenario: Scenario, origin: ScenarioOrigin): void;
  openLibraryScenario(id: string): Promise<void>;
  openScenarioFile(): Promise<void>;
  openBlankScenario(): void;
  saveScenario(): Promise<void>;
  exportStepLog(): Promise<void>;
  setCursor(cursor: number): void;
  stepBy(delta: 1 | -1): void;
  stepHome(): void;
  stepEnd(): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: Speed): void;
  toggleRoute(route: EventRoute): void;
  setPinned(pin: PinnedSubscription | null): void;
  setShowBefore(before: boolean): void;
  setEditing(editing: SimulatorSlice['simEditing']): void;
  applyEvent(mode: 'edit' | 'insert', originalId: string | null, event: ScenarioEvent): void;
  duplicateEvent(id: string): void;
  deleteEvent(id: string): void;
  toggleSkip(id: string): void;
  moveEvent(id: string, to: number): void;
  revertEvent(id: string): void;
  revertAll(): void;
  addExpectations(xs: readonly Expectation[]): void;
  setCompare(overrides: Overrides | null): void;
}

type Get = () => SimulatorSlice & UiSlice;

const message = (e: unknown): string => (e instanceof ApiCallError || e instanceof Error ? e.message : String(e));
const order = (r: Replay | null): string[] => r?.steps.map((s) => s.event.id) ?? [];

/** Recomputes both runs for a new scenario; the cursor stays put (clamped). */
function recompute(get: Get, scenario: Scenario, cursor = get().simCursor) {
  const a = runReplay(scenario);
  const overrides = get().simCompare;
  const b = overrides ? runReplay(scenario, overrides) : null;
  const replay = a.ok ? a.replay : null;
  return {
    simScenario: scenario,
    simReplay: replay,
    simCompareReplay: b?.ok ? b.replay : null,
    simError: a.ok ? (b && !b.ok ? `Comparison: ${b.message}` : null) : a.message,
    simCursor: Math.max(0, Math.min(cursor, replay?.steps.length ?? 0)),
  };
}

const visible = (s: SimulatorSlice, cursor: number): boolean => {
  const step = s.simReplay?.steps[cursor - 1];
  return !step || !s.simHiddenRoutes.includes(routeOf(step.event));
};

export const createSimulatorSlice: StateCreator<SimulatorSlice & UiSlice, [], [], SimulatorSlice> = (set, get) => {
  const edit = (f: (s: Scenario, order: string[]) => Scenario, cursor?: number) => {
    const s = get().simScenario;
    if (!s) return;
    set(recompute(get, f(s, order(get().simReplay)), cursor));
  };
  const cursorOf = (id: string): number => order(get().simReplay).indexOf(id) + 1;

  return {
    simScenario: null,
    simBaseline: null,
    simOrigin: null,
    simReplay: null,
    simCompare: null,
    simCompareReplay: null,
    simError: null,
    simNotice: null,
    simCursor: 0,
    simPlaying: false,
    simSpeed: 1,
    simHiddenRoutes: [],
    simPinned: null,
    simShowBefore: false,
    simEditing: null,

    openScenario(scenario, origin) {
      set({ simBaseline: scenario, simOrigin: origin, simPlaying: false, simPinned: null, simEditing: null, simNotice: null, simShowBefore: false, view: 'simulator' });
      set(recompute(get, scenario, 0));
    },
    async openLibraryScenario(id) {
      try {
        const opened = await call('library.get', { id });
        get().openScenario(opened.scenario, { kind: 'library', name: opened.name });
      } catch (e) {
        set({ simNotice: `Could not open ${id}: ${message(e)}` });
      }
    },
    async openScenarioFile() {
      try {
        const opened = await call('scenario.open', {});
        if (opened) get().openScenario(opened.scenario, { kind: 'file', name: opened.name });
      } catch (e) {
        // The current simulation is left untouched; the message names the JSON path.
        set({ simNotice: message(e) });
      }
    },
    openBlankScenario() {
      get().openScenario(edits.blankScenario(), { kind: 'blank' });
    },
    async saveScenario() {
      const { simScenario: s, simOrigin: o } = get();
      if (!s) return;
      const base = o?.kind === 'file' || o?.kind === 'library' ? o.name : `${slug(s.title)}.opttrace.json`;
      try {
        const saved = await call('scenario.save', { scenario: s, defaultName: base });
        if (saved) set({ simNotice: `Saved ${saved.fileName}.`, simOrigin: { kind: 'file', name: saved.fileName } });
      } catch (e) {
        set({ simNotice: `Not saved: ${message(e)}` });
      }
    },
    async exportStepLog() {
      const { simScenario: s, simReplay: r } = get();
      if (!s || !r) return;
      try {
        const saved = await call('scenario.exportSteps', { csv: stepLogCsv(r), defaultName: `${slug(s.title)}-steps.csv` });
        if (saved) set({ simNotice: `Exported the step log to ${saved.fileName}.` });
      } catch (e) {
        set({ simNotice: `Not exported: ${message(e)}` });
      }
    },
    setCursor(cursor) {
      const n = get().simReplay?.steps.length ?? 0;
      set({ simCursor: Math.max(0, Math.min(n, cursor)) });
    },
    stepBy(delta) {
      const s = get();
      const n = s.simReplay?.steps.length ?? 0;
      // Hidden routes are skipped by the cursor but still replayed (hiding is not skipping).
      for (let c = s.simCursor + delta; c >= 0 && c <= n; c += delta) {
        if (c === 0 || visible(s, c)) return set({ simCursor: c });
      }
      if (delta > 0) set({ simPlaying: false });
    },
    stepHome: () => set({ simCursor: 0 }),
    stepEnd: () => set({ simCursor: get().simReplay?.steps.length ?? 0 }),
    setPlaying(playing) {
      const s = get();
      const n = s.simReplay?.steps.length ?? 0;
      if (playing && s.simCursor >= n) set({ simCursor: 0 });
      set({ simPlaying: playing && n > 0 });
    },
    setSpeed: (simSpeed) => set({ simSpeed }),
    toggleRoute(route) {
      const hidden = get().simHiddenRoutes;
      set({ simHiddenRoutes: hidden.includes(route) ? hidden.filter((r) => r !== route) : [...hidden, route] });
    },
    setPinned: (simPinned) => set({ simPinned }),
    setShowBefore: (simShowBefore) => set({ simShowBefore }),
    setEditing: (simEditing) => set({ simEditing }),
    applyEvent(mode, originalId, event) {
      if (mode === 'edit' && originalId) {
        edit((s) => edits.replaceEvent(s, originalId, event));
      } else {
        const after = get().simReplay?.steps[get().simCursor - 1]?.event.id ?? null;
        edit((s, o) => edits.insertAfter(s, o, after, event));
      }
      set({ simEditing: null, simCursor: cursorOf(event.id) });
    },
    duplicateEvent(id) {
      edit((s) => edits.duplicateEvent(s, id));
    },
    deleteEvent(id) {
      // Stay on the same event when one before it goes; on the previous one when the current goes.
      const cur = get().simCursor;
      const at = cursorOf(id);
      edit((s) => edits.deleteEvent(s, id), at <= cur ? cur - 1 : cur);
    },
    toggleSkip(id) {
      edit((s) => edits.toggleSkip(s, id));
    },
    moveEvent(id, to) {
      const follow = get().simCursor === cursorOf(id);
      edit((s, o) => edits.moveEvent(s, o, id, to));
      if (follow) set({ simCursor: cursorOf(id) });
    },
    revertEvent(id) {
      const b = get().simBaseline;
      if (b) edit((s) => edits.revertEvent(b, s, id));
    },
    revertAll() {
      const b = get().simBaseline;
      if (b) set(recompute(get, b));
    },
    addExpectations(xs) {
      edit((s) => edits.addExpectations(s, xs));
    },
    setCompare(overrides) {
      set({ simCompare: overrides });
      const s = get().simScenario;
      if (s) set(recompute(get, s));
    },
  };
};

const slug = (title: string): string => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'scenario';
