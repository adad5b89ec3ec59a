import { EXPORT_FORMATS, EXPORT_FORMAT_TITLES, type ExportFormat } from '../../../../shared/ipc/desk-types';
import { useStore } from '../../store';
import { fmtBytes, fmtCount, fmtInt, fmtSeconds } from '../../components/format';

export function LoadPanel() {
  const pick = useStore((s) => s.pick);
  const overrides = useStore((s) => s.overrides);
  const setOverride = useStore((s) => s.setOverride);
  const discard = useStore((s) => s.discardPick);
  const start = useStore((s) => s.startLoad);
  const loading = useStore((s) => s.loading);
  const progress = useStore((s) => s.progress);
  const cancel = useStore((s) => s.cancelLoad);
  const outcome = useStore((s) => s.outcome);

  if (loading) {
    const pct = progress && progress.totalBytes > 0 ? Math.round((progress.bytes / progress.totalBytes) * 100) : 0;
    return (
      <section className="card" aria-labelledby="load-title" data-testid="load-progress">
        <h2 id="load-title">Loading {progress?.fileName ?? 'exports'}…</h2>
        <progress max={100} value={pct} aria-label="Load progress">{pct}%</progress>
        <p className="muted">
          {fmtInt(progress?.rows ?? 0)} rows · {fmtInt(progress?.rowsPerSecond ?? 0)} rows/s · about {Math.ceil(progress?.etaSeconds ?? 0)} s left
        </p>
        <button type="button" onClick={() => void cancel()}>Cancel</button>
      </section>
    );
  }
  if (pick) {
    return (
      <section className="card" aria-labelledby="pick-title" data-testid="load-preview">
        <h2 id="pick-title">Load {pick.files.length} export file{pick.files.length === 1 ? '' : 's'}</h2>
        {pick.files.map((f) => {
          const chosen: ExportFormat | '' = overrides[f.id] ?? f.detected ?? '';
          return (
            <div key={f.id} className="pick-file">
              <div className="pick-head">
                <strong>{f.fileName}</strong> <span className="muted">{fmtBytes(f.sizeBytes)}</span>
                <label>
                  Format{' '}
                  <select value={chosen} onChange={(e) => setOverride(f.id, e.target.value as ExportFormat)} aria-label={`Format of ${f.fileName}`}>
                    {!chosen && <option value="">Not recognised — choose…</option>}
                    {EXPORT_FORMATS.map((x) => <option key={x} value={x}>{EXPORT_FORMAT_TITLES[x]}{x === f.detected ? ' (detected)' : ''}</option>)}
                  </select>
                </label>
              </div>
              <div className="preview-scroll" tabIndex={0} role="region" aria-label={`Preview of ${f.fileName}`}>
                <table className="data preview" aria-label={`First rows of ${f.fileName}`}>
                  <thead><tr>{f.header.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr></thead>
                  <tbody>{f.preview.map((r, i) => <tr key={i}>{f.header.map((_h, j) => <td key={j}>{r[j] ?? ''}</td>)}</tr>)}</tbody>
                </table>
              </div>
            </div>
          );
        })}
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => void start()}>Load</button>
          <button type="button" onClick={discard}>Cancel</button>
        </div>
      </section>
    );
  }
  if (outcome) {
    return (
      <section className={`card outcome outcome-${outcome.status}`} aria-labelledby="outcome-title" data-testid="load-summary" role="status">
        <h2 id="outcome-title">{outcome.status === 'loaded' ? 'Load finished' : outcome.status === 'nothing-loaded' ? 'Nothing was loaded' : outcome.status === 'cancelled' ? 'Load cancelled' : 'Load failed'}</h2>
        <p>{outcome.message} <span className="muted">({fmtSeconds(outcome.seconds)})</span></p>
        {outcome.files.length > 0 && (
          <ul className="outcome-files">
            {outcome.files.map((f) => (
              <li key={f.sha256 + f.fileName}>
                <strong>{f.fileName}</strong>{f.format ? ` as ${EXPORT_FORMAT_TITLES[f.format]}` : ''}: {fmtInt(f.rowsLoaded)} loaded, {fmtInt(f.rowsRejected)} rejected
                {f.warnings > 0 ? `, ${fmtCount(f.warnings, 'warning')}` : ''}
                {f.message && <div className="muted small">{f.message}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  return null;
}
