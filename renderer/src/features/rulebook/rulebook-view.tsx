import { useEffect, useRef } from 'react';
import { useStore } from '../../store';
import { WorkspaceAssumption } from './workspace-assumption';
import './rulebook.css';

export function RulebookView() {
  const rulebook = useStore((s) => s.rulebook);
  const selected = useStore((s) => s.selectedRuleId);
  const load = useStore((s) => s.loadRulebook);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!rulebook) void load();
  }, [rulebook, load]);
  useEffect(() => {
    if (!selected || !list.current) return;
    const el = list.current.querySelector<HTMLElement>(`[data-rule="${CSS.escape(selected)}"]`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [selected, rulebook]);

  if (!rulebook) return <p className="muted">Loading the rulebook…</p>;
  return (
    <section aria-labelledby="rulebook-title" className="rulebook">
      <header className="view-head">
        <div>
          <h1 id="rulebook-title">Rulebook</h1>
          <p className="muted">Active: <code>{rulebook.id}</code> (preset {rulebook.preset}). Every rule cites its source; every unconfirmed behaviour is a named assumption.</p>
        </div>
      </header>
      <section aria-labelledby="assumptions-head" className="card">
        <h2 id="assumptions-head">Assumptions ({rulebook.assumptions.length})</h2>
        <p className="muted small">Changing a value here applies to the whole workspace and recomputes every verdict. To try a value for one number only, switch it in the explanation.</p>
        <table className="data assumptions-table">
          <thead><tr><th scope="col">Assumption</th><th scope="col">Current</th><th scope="col">Default</th><th scope="col">What it means · where sources disagree</th></tr></thead>
          <tbody>
            {rulebook.assumptions.map((a) => (
              <tr key={a.name} data-testid={`assumption-${a.name}`}>
                <th scope="row"><code>{a.name}</code></th>
                <td><WorkspaceAssumption a={a} /></td>
                <td><code>{Array.isArray(a.default) ? a.default.join(', ') : String(a.default)}</code></td>
                <td>{a.description}<br /><span className="muted small">{a.conflicts}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="rules-head" className="card">
        <h2 id="rules-head">Rules ({rulebook.rules.length})</h2>
        <ol className="rules" ref={list}>
          {rulebook.rules.map((r) => (
            <li key={r.id} data-rule={r.id} tabIndex={-1} className={`rule${selected === r.id ? ' selected' : ''}`} aria-current={selected === r.id ? 'true' : undefined}>
              <div className="rule-head">
                <code className="rule-id">{r.id}</code> <strong>{r.title}</strong> <span className={`basis basis-${r.basis}`}>{r.basis}</span>
              </div>
              <p>{r.description}</p>
              <p className="small muted">
                {r.sources.length > 0 ? `Source: ${r.sources.map((s) => s.cite).join('; ')}` : 'No Salesforce source: an engine convention or an assumption.'}
                {r.assumptions.length > 0 && <> · Assumptions: {r.assumptions.map((a) => <code key={a}>{a} </code>)}</>}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}
