/** The what-if list (revert one or all), the expectations (pass/fail, add from this step), and the comparison of two interpretations. */
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { changesFrom, expectationsFromState, numbersOf } from './edits';
import { ASSUMPTION_DEFS, PRESETS, diff, stateAfter, type AssumptionDef, type Overrides } from './engine-adapter';
import { summary } from './routes';

export function WhatIfPanel() {
  const { scenario, baseline, revertEvent, revertAll } = useStore(useShallow((s) => ({ scenario: s.simScenario, baseline: s.simBaseline, revertEvent: s.revertEvent, revertAll: s.revertAll })));
  if (!scenario || !baseline) return null;
  const { changed, deleted } = changesFrom(baseline, scenario);
  const total = changed.length + deleted.length;
  const what = (id: string): string => {
    const b = baseline.events.find((e) => e.id === id);
    const e = scenario.events.find((x) => x.id === id);
    if (!b) return 'inserted';
    if (!e) return 'deleted';
    if (Boolean(b.skipped) !== Boolean(e.skipped) && JSON.stringify({ ...b, skipped: undefined }) === JSON.stringify({ ...e, skipped: undefined })) return e.skipped ? 'skipped' : 'unskipped';
    return b.at !== e.at ? 'moved or edited' : 'edited';
  };
  return (
    <section className="panel" aria-label="What if" data-testid="whatif-panel">
      <div className="panel-head">
        <h2>What if</h2>
        <span className="muted small">{total === 0 ? 'No edits: this is the recorded history.' : `${total} change${total === 1 ? '' : 's'} from the opened scenario`}</span>
        <div className="spacer" />
        <button type="button" className="btn small" disabled={total === 0} onClick={revertAll}>Revert all</button>
      </div>
      {total > 0 && (
        <ul className="change-list">
          {[...changed, ...deleted].map((e) => (
            <li key={e.id}>
              <span className="badge hypo">{what(e.id)}</span> <code>{e.id}</code> <span className="small">{summary(e)}</span>{' '}
              <button type="button" className="btn small link" onClick={() => revertEvent(e.id)} aria-label={`Revert ${e.id}`}>Revert</button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">Edits are hypothetical: saved files keep the marks, so a reviewer can tell them from evidence.</p>
    </section>
  );
}

export function ExpectationsPanel() {
  const { scenario, replay, cursor, add } = useStore(useShallow((s) => ({ scenario: s.simScenario, replay: s.simReplay, cursor: s.simCursor, add: s.addExpectations })));
  if (!scenario || !replay) return null;
  const step = replay.steps[cursor - 1];
  const addFromState = () => {
    if (!step) return;
    const kws = scenario.codes.flatMap((c) => c.keywords.map((k) => ({ code: c.code, keyword: k.keyword })));
    add(expectationsFromState(stateAfter(replay, cursor), kws, numbersOf(scenario), step.event.id));
  };
  const passing = replay.expectations.filter((x) => x.pass).length;
  return (
    <section className="panel" aria-label="Expectations" data-testid="expectations-panel">
      <div className="panel-head">
        <h2>Expectations</h2>
        <span className="muted small">{replay.expectations.length === 0 ? 'none yet' : `${passing} of ${replay.expectations.length} hold`}</span>
        <div className="spacer" />
        <button type="button" className="btn small" disabled={!step} onClick={addFromState} title={step ? `Expect the state after ${step.event.id} as it is now` : 'Step to an event first'}>
          Expect this step's state
        </button>
      </div>
      <ul className="expect-list">
        {replay.expectations.map((x) => (
          <li key={x.index} className={x.pass ? 'pass' : 'fail'}>
            <span className={`badge ${x.pass ? 'pass' : 'fail'}`}>{x.pass ? '✓ pass' : '✕ fail'}</span> <span className="small">{x.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Switches for the second run: a preset and any assumption, on top of the scenario's own rulebook. */
export function ComparePanel() {
  const { scenario, a, b, compare, setCompare, setCursor } = useStore(
    useShallow((s) => ({ scenario: s.simScenario, a: s.simReplay, b: s.simCompareReplay, compare: s.simCompare, setCompare: s.setCompare, setCursor: s.setCursor })),
  );
  if (!scenario || !a) return null;
  const current = a.rulebook.assumptions as unknown as Record<string, unknown>;
  const values: Record<string, unknown> = { ...current, ...(compare ?? {}) };
  const change = (name: string, value: unknown) => {
    const next: Record<string, unknown> = { ...(compare ?? {}), [name]: value };
    if (JSON.stringify(value) === JSON.stringify(current[name])) delete next[name];
    setCompare(Object.keys(next).length > 0 ? next : compare ? {} : null);
  };
  const d = b ? diff(a, b) : null;
  return (
    <section className="panel compare" aria-label="Compare interpretations" data-testid="compare-panel">
      <div className="panel-head">
        <h2>Compare interpretations</h2>
        <div className="spacer" />
        {compare ? (
          <button type="button" className="btn small" onClick={() => setCompare(null)}>Stop comparing</button>
        ) : (
          <button type="button" className="btn small" onClick={() => setCompare({})}>Compare</button>
        )}
      </div>
      {!compare && <p className="muted small">Run the same history a second time under other assumptions and see only what differs.</p>}
      {compare && (
        <>
          <p className="small">A: <code>{a.rulebook.id}</code> · B: <code>{b?.rulebook.id ?? '—'}</code></p>
          <div className="assume-grid">
            <label className="field">
              <span>Preset (B)</span>
              <select value={presetOf(values)} onChange={(e) => applyPreset(e.target.value, current, setCompare)}>
                {PRESETS.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
              </select>
            </label>
            {ASSUMPTION_DEFS.filter((x) => x.type.kind !== 'string-list').map((def) => (
              <AssumptionInput key={def.name} def={def} value={values[def.name]} changed={compare[def.name] !== undefined} onChange={(v) => change(def.name, v)} />
            ))}
          </div>
          {d && <Differences d={d} onJump={setCursor} />}
        </>
      )}
    </section>
  );
}

const presetOf = (values: Record<string, unknown>): string =>
  PRESETS.find((p) => JSON.stringify(p.assumptions.stopWords) === JSON.stringify(values.stopWords))?.id ?? PRESETS[0]!.id;

const applyPreset = (id: string, current: Record<string, unknown>, setCompare: (o: Overrides | null) => void) => {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) return;
  const next: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p.assumptions)) if (JSON.stringify(v) !== JSON.stringify(current[k])) next[k] = v;
  setCompare(next);
};

function AssumptionInput({ def, value, changed, onChange }: { readonly def: AssumptionDef; readonly value: unknown; readonly changed: boolean; readonly onChange: (v: unknown) => void }) {
  const t = def.type;
  const label = <span title={`${def.description} ${def.note}`}>{def.name}{changed && <span className="badge hypo">B</span>}</span>;
  if (t.kind === 'boolean') {
    return (
      <label className={`field check${changed ? ' changed' : ''}`}>
        <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} /> {label}
      </label>
    );
  }
  if (t.kind === 'enum') {
    return (
      <label className={`field${changed ? ' changed' : ''}`}>
        {label}
        <select value={String(value)} onChange={(e) => onChange(e.target.value)}>{t.values.map((v) => <option key={v}>{v}</option>)}</select>
      </label>
    );
  }
  if (t.kind === 'number') {
    return (
      <label className={`field${changed ? ' changed' : ''}`}>
        {label}
        <input type="number" min={t.min} max={t.max} value={Number(value)} onChange={(e) => e.target.value !== '' && onChange(Number(e.target.value))} />
      </label>
    );
  }
  return null;
}

function Differences({ d, onJump }: { readonly d: ReturnType<typeof diff>; readonly onJump: (c: number) => void }) {
  if (d.same) return <p className="same small" data-testid="compare-same">Both interpretations give the same result at every step.</p>;
  return (
    <div className="differences" data-testid="compare-diff">
      {d.firstDivergence && (
        <p className="small">
          First diverging step:{' '}
          <button type="button" className="btn small link" onClick={() => onJump(d.firstDivergence!.stepIndex + 1)}>
            step {d.firstDivergence.stepIndex + 1} (<code>{d.firstDivergence.eventId}</code>)
          </button>
        </p>
      )}
      <table className="diff-table">
        <thead><tr><th scope="col">What</th><th scope="col">A</th><th scope="col">B</th></tr></thead>
        <tbody>
          {d.subscriptions.map((x) => (
            <tr key={`s-${x.mobileNumber}-${x.code}-${x.keyword}`}><th scope="row"><span className="mono">{x.mobileNumber}</span> {x.keyword} on {x.code}</th><td>{x.a}</td><td>{x.b}</td></tr>
          ))}
          {d.verdicts.map((x) => (
            <tr key={`v-${x.mobileNumber}-${x.code}`}><th scope="row"><span className="mono">{x.mobileNumber}</span> verdict on {x.code}</th><td>{x.a?.verdict ?? '—'}</td><td>{x.b?.verdict ?? '—'}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

