/** The scenario simulator (product.md job 5): Redux-DevTools-style stepping over a replay of one history. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/icon';
import { useStore } from '../../store';
import { SPEEDS, type Speed } from '../../store/simulator-slice';
import { freshId, numbersOf } from './edits';
import { diff, statusTrack, stateAfter } from './engine-adapter';
import { EventEditor, newEvent } from './event-editor';
import { EventList } from './event-list';
import { ROUTES } from './routes';
import { ComparePanel, ExpectationsPanel, WhatIfPanel } from './side-panels';
import { StateMatrix } from './state-matrix';
import { StepDetails } from './step-details';
import { Timeline } from './timeline';
import { SHORTCUTS, useSimShortcuts } from './use-sim-shortcuts';
import '../../components/controls.css';
import './simulator.css';

export function SimulatorView() {
  useSimShortcuts();
  const scenario = useStore((s) => s.simScenario);
  return (
    <div className="simulator">
      <SimHeader />
      {scenario ? <SimBody /> : <EmptyState />}
    </div>
  );
}

function SimHeader() {
  const { scenario, origin, notice, error, openFile, openBlank, save, exportLog, setView } = useStore(
    useShallow((s) => ({ scenario: s.simScenario, origin: s.simOrigin, notice: s.simNotice, error: s.simError, openFile: s.openScenarioFile, openBlank: s.openBlankScenario, save: s.saveScenario, exportLog: s.exportStepLog, setView: s.setView })),
  );
  const hypo = scenario?.events.filter((e) => e.hypothetical).length ?? 0;
  return (
    <header className="sim-header">
      <div className="sim-title">
        <h1>{scenario ? scenario.title : 'Simulator'}</h1>
        {origin && (
          <p className="muted small" data-testid="sim-origin">
            {origin.kind === 'library' ? `Library · ${origin.name}` : origin.kind === 'file' ? `File · ${origin.name}` : origin.kind === 'blank' ? 'Blank scenario' : `History of ${origin.mobileNumber}`}
            {hypo > 0 && <span className="badge hypo">{hypo} hypothetical</span>}
          </p>
        )}
      </div>
      <div className="toolbar" role="toolbar" aria-label="Scenario">
        <button type="button" className="btn" onClick={() => setView('library')}>Library…</button>
        <button type="button" className="btn" onClick={() => void openFile()}>Open file…</button>
        <button type="button" className="btn" onClick={openBlank}>New blank</button>
        <button type="button" className="btn" disabled={!scenario} onClick={() => void save()}>Save…</button>
        <button type="button" className="btn" disabled={!scenario || !!error} onClick={() => void exportLog()}>Export step log…</button>
      </div>
      {notice && <p className="notice" role="status" data-testid="sim-notice">{notice}</p>}
      {error && <p className="error" role="alert">{error}</p>}
    </header>
  );
}

function EmptyState() {
  const setView = useStore((s) => s.setView);
  const openBlank = useStore((s) => s.openBlankScenario);
  return (
    <div className="panel empty">
      <h2>No scenario open</h2>
      <p>Open one from the <button type="button" className="btn link" onClick={() => setView('library')}>scenario library</button>, a <code>.opttrace.json</code> file, or start a{' '}
        <button type="button" className="btn link" onClick={openBlank}>blank scenario</button>. It opens paused at step 0, the starting state.</p>
    </div>
  );
}

function Transport() {
  const s = useStore(useShallow((x) => ({ cursor: x.simCursor, n: x.simReplay?.steps.length ?? 0, playing: x.simPlaying, speed: x.simSpeed, hidden: x.simHiddenRoutes })));
  const a = useStore(useShallow((x) => ({ stepBy: x.stepBy, home: x.stepHome, end: x.stepEnd, setPlaying: x.setPlaying, setSpeed: x.setSpeed, toggleRoute: x.toggleRoute })));
  return (
    <div className="transport" role="toolbar" aria-label="Stepping">
      <div className="btn-group">
        <button type="button" className="btn icon" onClick={a.home} disabled={s.cursor === 0} title={`First: step 0 (${SHORTCUTS.home})`} aria-label="Go to step 0" aria-keyshortcuts="Home"><Icon name="first" /></button>
        <button type="button" className="btn icon" onClick={() => a.stepBy(-1)} disabled={s.cursor === 0} title={`Step back (${SHORTCUTS.back})`} aria-label="Step back" aria-keyshortcuts="ArrowLeft"><Icon name="back" /></button>
        <button type="button" className="btn icon primary" onClick={() => a.setPlaying(!s.playing)} disabled={s.n === 0} title={`${s.playing ? 'Pause' : 'Play'} (${SHORTCUTS.play})`} aria-label={s.playing ? 'Pause' : 'Play'} aria-keyshortcuts="Space"><Icon name={s.playing ? 'pause' : 'play'} /></button>
        <button type="button" className="btn icon" onClick={() => a.stepBy(1)} disabled={s.cursor >= s.n} title={`Step forward (${SHORTCUTS.forward})`} aria-label="Step forward" aria-keyshortcuts="ArrowRight"><Icon name="forward" /></button>
        <button type="button" className="btn icon" onClick={a.end} disabled={s.cursor >= s.n} title={`Last step (${SHORTCUTS.end})`} aria-label="Go to the last step" aria-keyshortcuts="End"><Icon name="last" /></button>
      </div>
      <span className="step-counter" data-testid="step-counter" aria-live="polite">Step {s.cursor} of {s.n}</span>
      <label className="speed" title={`Playback speed (${SHORTCUTS.slower} slower, ${SHORTCUTS.faster} faster)`}>
        Speed
        <select value={s.speed} onChange={(e) => a.setSpeed(Number(e.target.value) as Speed)}>
          {SPEEDS.map((x) => <option key={x} value={x}>{x}×</option>)}
        </select>
      </label>
      <span className="muted small keys" aria-hidden="true"><kbd>←</kbd><kbd>→</kbd> step · <kbd>Home</kbd><kbd>End</kbd> · <kbd>Space</kbd> play · <kbd>[</kbd><kbd>]</kbd> speed</span>
      <div className="spacer" />
      <fieldset className="route-filter">
        <legend>Show routes <span className="muted">(hiding ≠ skipping: hidden events still replay)</span></legend>
        {ROUTES.map((r) => (
          <label key={r.id} className={`chip${s.hidden.includes(r.id) ? ' off' : ''}`}>
            <input type="checkbox" aria-label={`Show ${r.label}`} checked={!s.hidden.includes(r.id)} onChange={() => a.toggleRoute(r.id)} />
            <span aria-hidden="true" className={`route-icon route-${r.id}`}>{r.icon}</span> {r.label}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

function SimBody() {
  const st = useStore(
    useShallow((x) => ({
      scenario: x.simScenario!, replay: x.simReplay, b: x.simCompareReplay, compare: x.simCompare, cursor: x.simCursor, hidden: x.simHiddenRoutes,
      pinned: x.simPinned, before: x.simShowBefore, editing: x.simEditing,
    })),
  );
  const act = useStore(
    useShallow((x) => ({
      setCursor: x.setCursor, setPinned: x.setPinned, setShowBefore: x.setShowBefore, showRule: x.showRule, setEditing: x.setEditing, applyEvent: x.applyEvent,
      duplicateEvent: x.duplicateEvent, deleteEvent: x.deleteEvent, toggleSkip: x.toggleSkip, moveEvent: x.moveEvent,
    })),
  );
  const { scenario, replay, cursor } = st;
  const numbers = useMemo(() => numbersOf(scenario), [scenario]);
  const after = useMemo(() => (replay ? stateAfter(replay, cursor) : null), [replay, cursor]);
  const prior = useMemo(() => (replay && cursor > 0 ? stateAfter(replay, cursor - 1) : null), [replay, cursor]);
  const bAfter = useMemo(() => (st.b ? stateAfter(st.b, cursor) : null), [st.b, cursor]);
  const divergence = useMemo(() => (replay && st.b ? (diff(replay, st.b).firstDivergence?.stepIndex ?? null) : null), [replay, st.b]);
  const track = useMemo(() => (replay && st.pinned ? statusTrack(replay, st.pinned.mobileNumber, st.pinned.code, st.pinned.keyword) : null), [replay, st.pinned]);
  if (!replay || !after) return null;

  const step = replay.steps[cursor - 1] ?? null;
  const shown = st.before && prior ? prior : after;
  const other = st.before ? after : prior;
  const editingEvent = st.editing?.mode === 'edit' ? scenario.events.find((e) => e.id === st.editing!.eventId) : null;
  const insertTemplate = st.editing?.mode === 'insert'
    ? newEvent(scenario, freshId(scenario), step?.event.at ?? replay.steps[0]?.event.at ?? '2025-01-01T12:00:00Z', step?.event.mobileNumber ?? numbers[0] ?? '12345678900')
    : null;

  const statePanel = (
    <section className="panel state" aria-label="State">
      <div className="panel-head">
        <h2>State {st.before ? `before step ${cursor}` : `after step ${cursor}`}</h2>
        <div className="spacer" />
        <div className="btn-group" role="group" aria-label="Before or after the step">
          <button type="button" className="btn small" aria-pressed={st.before} disabled={cursor === 0} onClick={() => act.setShowBefore(true)}>Before</button>
          <button type="button" className="btn small" aria-pressed={!st.before || cursor === 0} onClick={() => act.setShowBefore(false)}>After</button>
        </div>
      </div>
      <div className={st.b ? 'side-by-side' : undefined}>
        <div>
          {st.b && <h3 className="run-label">A · {replay.rulebook.id}</h3>}
          <StateMatrix codes={scenario.codes} numbers={numbers} state={shown} other={other} otherLabel={st.before ? 'after' : 'before'} pinned={st.pinned} onPin={act.setPinned} label="State matrix" />
        </div>
        {st.b && bAfter && (
          <div data-testid="compare-matrix">
            <h3 className="run-label">B · {st.b.rulebook.id}</h3>
            <StateMatrix codes={scenario.codes} numbers={numbers} state={bAfter} other={after} otherLabel="A" label="State matrix, interpretation B" />
          </div>
        )}
      </div>
      <p className="muted small legend">✓ OptedIn · ✕ OptedOut · … OptInPending · ○ NotOptedIn · – no subscription. Outlined cells changed at this step; ☆ pins one to follow it on the timeline.</p>
    </section>
  );

  return (
    <>
      <Transport />
      <Timeline steps={replay.steps} cursor={cursor} hidden={st.hidden} onJump={act.setCursor} divergence={divergence} track={track}
        trackLabel={st.pinned ? `${st.pinned.keyword} on ${st.pinned.code} (${st.pinned.mobileNumber})` : undefined} />
      {st.b && statePanel}
      <div className="sim-grid">
        <div className="sim-col">
          <EventList steps={replay.steps} cursor={cursor} hidden={st.hidden} divergence={divergence} onJump={act.setCursor}
            onEdit={(id) => act.setEditing({ mode: 'edit', eventId: id })} onDuplicate={act.duplicateEvent} onDelete={act.deleteEvent} onSkip={act.toggleSkip} onMove={act.moveEvent} />
          <div className="insert-bar">
            <button type="button" className="btn" onClick={() => act.setEditing({ mode: 'insert', eventId: null })} data-testid="insert-event">
              + Insert hypothetical event {step ? `after step ${cursor}` : 'first'}
            </button>
          </div>
          {st.editing && (editingEvent || insertTemplate) && (
            <EventEditor key={`${st.editing.mode}-${st.editing.eventId ?? 'new'}`} scenario={scenario} mode={st.editing.mode} event={(editingEvent ?? insertTemplate)!}
              onSave={(e) => act.applyEvent(st.editing!.mode, st.editing!.eventId, e)} onCancel={() => act.setEditing(null)} />
          )}
          <WhatIfPanel />
          <ExpectationsPanel />
        </div>
        <div className="sim-col">
          {!st.b && statePanel}
          <ComparePanel />
          <StepDetails step={step} stepNo={cursor} onRule={act.showRule} />
        </div>
      </div>
    </>
  );
}
