import type { KeywordExplanation } from '../../../../shared/ipc/desk-types';
import { useStore } from '../../store';
import { STATUS_LABELS } from '../../components/format';

export function KeywordCard({ k }: { k: KeywordExplanation }) {
  const selectRule = useStore((s) => s.selectRule);
  return (
    <div className="keyword-card" data-testid={`keyword-${k.keyword}`}>
      <div className="kw-head">
        <strong>{k.keyword}</strong> <span className={`kw-status kw-status-${k.status}`}>{STATUS_LABELS[k.status] ?? k.status}</span>
      </div>
      {k.event && (
        <p className="kw-event">
          {k.event.summary}
          <br />
          <span className="mono small">{k.event.atUtc} · {k.event.atCst}</span>
        </p>
      )}
      <p className="small">
        Rule{' '}
        <button type="button" className="link" onClick={() => selectRule(k.ruleId)} title={`Show ${k.ruleId} in the rulebook`}>
          {k.ruleId}
        </button>{' '}
        — {k.ruleTitle}. <span className="muted">{k.article}</span>
      </p>
      {k.evidence.length > 0 && (
        <p className="small evidence">
          Evidence:{' '}
          {k.evidence.map((e, i) => (
            <span key={i} title={`SHA-256 ${e.sha256}`} className="mono">{e.file}, line {e.line}{i < k.evidence.length - 1 ? '; ' : ''}</span>
          ))}
        </p>
      )}
    </div>
  );
}
