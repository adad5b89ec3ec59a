import { useStore } from '../../store';
import { fmtNumber, STATUS_LABELS } from '../../components/format';
import { VerdictBadge } from '../../components/verdict-badge';
import { AssumptionSwitch } from './assumption-switch';
import { KeywordCard } from './keyword-card';
import './explain.css';

export function ExplainPanel() {
  const number = useStore((s) => s.selectedNumber);
  const x = useStore((s) => s.explanation);
  const busy = useStore((s) => s.explaining);
  const close = useStore((s) => s.closeExplain);
  const toSimulator = useStore((s) => s.openInSimulator);
  const overrides = useStore((s) => s.assumptionOverrides);
  const clear = useStore((s) => s.clearOverrides);
  if (!number) return null;
  // Overridden names stay listed even when the new verdict no longer relies on them, so the switch can be flipped back.
  const relied = x ? [...new Set([...x.codes.flatMap((c) => [...c.assumptions, ...c.keywords.flatMap((k) => k.assumptions)]), ...Object.keys(overrides)])] : [];
  return (
    <aside className="explain" aria-labelledby="explain-title" aria-busy={busy} data-testid="explain-panel">
      <header className="explain-head">
        <h2 id="explain-title">{fmtNumber(x?.mobileNumber ?? number)}</h2>
        <div className="toolbar">
          <button type="button" onClick={() => void toSimulator()} disabled={!x}>Open in simulator</button>
          <button type="button" onClick={close} aria-label="Close explanation">Close</button>
        </div>
      </header>
      {!x ? (
        <p className="muted">{busy ? 'Explaining…' : 'No explanation.'}</p>
      ) : (
        <>
          <p className="muted small">
            Rulebook <code>{x.rulebookId}</code> · {x.eventCount} event{x.eventCount === 1 ? '' : 's'} replayed in {x.tookMs.toFixed(1)} ms
          </p>
          {x.codes.length === 0 && <p className="sentence">No code can be decided for this number: the evidence has gaps (below).</p>}
          {x.codes.map((c) => (
            <section key={c.code} className="explain-code" aria-label={`Code ${c.code}`}>
              <h3>Code {c.code} <VerdictBadge verdict={c.verdict} /></h3>
              <p className="sentence" data-testid={`sentence-${c.code}`}>{c.sentence}</p>
              {c.keywords.map((k) => <KeywordCard key={k.keyword} k={k} />)}
            </section>
          ))}
          {(x.gaps.length > 0 || x.discrepancies.length > 0) && (
            <section className="callout" aria-label="Gaps and discrepancies">
              <h3>Gaps and discrepancies</h3>
              <ul>
                {x.gaps.map((g, i) => <li key={`g${i}`}><strong>Gap:</strong> {g.reason}</li>)}
                {x.discrepancies.map((d, i) => (
                  <li key={`d${i}`} data-testid="discrepancy">
                    <strong>{d.keyword} on {d.code}:</strong> the exported current state says {STATUS_LABELS[d.exported]}, the replayed history gives {STATUS_LABELS[d.replayed]} <span className="muted">({d.evidence.file}, line {d.evidence.line})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {x.flags.length > 0 && (
            <section className="flags" aria-label="Risk flags">
              <h3>Risk flags</h3>
              <ul>{x.flags.map((f, i) => <li key={i}><code>{f.flag}</code> {f.reason}</li>)}</ul>
            </section>
          )}
          <section className="assumptions" aria-labelledby="assumptions-title">
            <h3 id="assumptions-title">Assumptions relied on</h3>
            {relied.length === 0 ? <p className="muted small">This explanation relies on no assumption.</p> : (
              <ul className="switches">{relied.map((n) => <AssumptionSwitch key={n} name={n} value={x.assumptionValues[n]} />)}</ul>
            )}
            {Object.keys(overrides).length > 0 && (
              <p className="small">
                Showing a what-if, not the workspace rulebook. <button type="button" onClick={() => void clear()}>Reset to workspace values</button>
              </p>
            )}
          </section>
        </>
      )}
    </aside>
  );
}
