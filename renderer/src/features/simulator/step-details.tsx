/** What the current step did: its decisions with plain-English reasons, rule ids (links to the Rulebook), assumptions relied on, and flags. */
import type { Step } from '../../../../shared/rules';
import { flagTitle, ruleTitle } from './engine-adapter';
import { cstText, routeInfo, routeOf, summary, utcText } from './routes';

export interface StepDetailsProps {
  readonly step: Step | null;
  readonly stepNo: number;
  readonly onRule: (ruleId: string) => void;
}

export function StepDetails({ step, stepNo, onRule }: StepDetailsProps) {
  if (!step) {
    return (
      <section className="panel step-details" aria-label="Step details">
        <h2>Step 0 · starting state</h2>
        <p className="muted">The scenario's initial contacts and subscriptions, before any event. Step forward (→) to replay the first event.</p>
      </section>
    );
  }
  const route = routeOf(step.event);
  const assumptions = [...new Set(step.decisions.flatMap((d) => d.assumptions))];
  return (
    <section className="panel step-details" aria-label="Step details" data-testid="step-details">
      <h2>
        Step {stepNo} · <span className={`route-icon route-${route}`} aria-hidden="true">{routeInfo(route).icon}</span> {routeInfo(route).label}
      </h2>
      <p className="step-event">
        <span className="mono">{step.event.mobileNumber}</span> {summary(step.event)}
        <span className="muted small"> · {utcText(step.atMs)} · {cstText(step.atMs)} · id <code>{step.event.id}</code></span>
        {step.event.hypothetical && <span className="badge hypo">hypothetical</span>}
        {step.skipped && <span className="badge skip">skipped</span>}
      </p>
      {step.event.note && <p className="muted small">Note: {step.event.note}</p>}
      <ol className="decisions">
        {step.decisions.map((d, i) => (
          <li key={i} className={d.changed ? 'changed' : undefined}>
            <button type="button" className="rule-link" onClick={() => onRule(d.ruleId)} title={`${ruleTitle(d.ruleId)} — open in the Rulebook`}>
              {d.ruleId}
            </button>
            {d.keyword && <span className="mono small"> {d.keyword}</span>}
            {d.from !== undefined && d.to !== undefined && (
              <span className="small"> {d.from} → {d.to}{d.changed ? '' : ' (no change)'}</span>
            )}
            {d.sendable !== undefined && <span className="small"> · {d.sendable ? 'sendable' : 'not sendable'}</span>}
            <p className="reason">{d.reason}</p>
          </li>
        ))}
      </ol>
      {step.flags.length > 0 && (
        <ul className="flags" aria-label="Flags raised">
          {step.flags.map((f, i) => (
            <li key={i} className="flag">
              <span className="badge flag">⚑ {f.flag}</span> <strong>{flagTitle(f.flag)}</strong>
              <p className="reason">{f.reason}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="assumptions small">
        {assumptions.length > 0 ? (
          <>Relies on assumption{assumptions.length > 1 ? 's' : ''}: {assumptions.map((a) => <code key={a} className="assumption">{a}</code>)}</>
        ) : (
          <span className="muted">Relies on no assumption: confirmed behaviour only.</span>
        )}
      </p>
    </section>
  );
}
