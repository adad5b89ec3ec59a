/** The scenario library: canonical scenarios from the help articles, with the rules and flags each exercises. */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { flagTitle, ruleTitle } from '../simulator/engine-adapter';
import '../../components/controls.css';
import './library.css';

export function LibraryView() {
  const { library, error, load, open, openFile, openBlank, showRule } = useStore(
    useShallow((s) => ({ library: s.library, error: s.libraryError, load: s.loadLibrary, open: s.openLibraryScenario, openFile: s.openScenarioFile, openBlank: s.openBlankScenario, showRule: s.showRule })),
  );
  useEffect(() => {
    if (!library) void load();
  }, [library, load]);
  const [filter, setFilter] = useState('');
  const q = filter.trim().toUpperCase();
  const shown = library?.filter((e) => q === '' || [e.title, e.description, e.id, ...e.rules, ...e.flags].some((t) => t.toUpperCase().includes(q)));

  return (
    <div className="library">
      <header className="lib-header">
        <div>
          <h1>Scenario library</h1>
          <p className="muted">Canonical histories from the Salesforce help articles. Each opens in the simulator, paused at step 0.</p>
        </div>
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => void openFile()}>Open file…</button>
          <button type="button" className="btn" onClick={openBlank}>New blank scenario</button>
        </div>
      </header>
      {error && <p className="error" role="alert">{error}</p>}
      {!library && !error && <p className="muted">Loading the library…</p>}
      {library?.length === 0 && <p className="muted">The library folder has no scenarios.</p>}
      {library && library.length > 0 && (
        <div className="lib-filter">
          <label htmlFor="lib-filter">Filter</label>
          <input id="lib-filter" type="search" value={filter} placeholder="Title, rule id or flag (e.g. STOP-CODE-WIDE)" onChange={(e) => setFilter(e.target.value)} />
          <span className="muted small" aria-live="polite">{shown?.length ?? 0} of {library.length} scenarios</span>
        </div>
      )}
      <ul className="lib-list" aria-label="Scenarios">
        {shown?.map((e) => (
          <li key={e.id} className="lib-card" data-testid={`lib-${e.id}`}>
            <div className="lib-card-head">
              <h2>{e.title}</h2>
              <span className={`badge ${e.passing === e.expectations ? 'pass' : 'fail'}`}>
                {e.passing}/{e.expectations} expectations hold
              </span>
            </div>
            {e.description && <p className="lib-desc">{e.description}</p>}
            <dl className="lib-meta">
              <dt>Events</dt>
              <dd>{e.events}</dd>
              <dt>Rules</dt>
              <dd>
                {e.rules.map((r) => (
                  <button key={r} type="button" className="tag rule" title={`${ruleTitle(r)} — open in the Rulebook`} onClick={() => showRule(r)}>{r}</button>
                ))}
              </dd>
              <dt>Flags</dt>
              <dd>{e.flags.length === 0 ? <span className="muted">none</span> : e.flags.map((f) => <span key={f} className="tag flag" title={flagTitle(f)}>⚑ {f}</span>)}</dd>
            </dl>
            <div className="lib-actions">
              <span className="muted small mono">{e.id}</span>
              <button type="button" className="btn primary" onClick={() => void open(e.id)} aria-label={`Open “${e.title}” in the simulator`}>Open in simulator</button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
