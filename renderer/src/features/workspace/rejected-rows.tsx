import { ERRORS_PAGE } from '../../store/workspace-slice';
import { useStore } from '../../store';
import { fmtCount, fmtInt } from '../../components/format';

export function RejectedRows() {
  const page = useStore((s) => s.loadErrors);
  const offset = useStore((s) => s.errorsOffset);
  const fetch = useStore((s) => s.fetchLoadErrors);
  const exportCsv = useStore((s) => s.exportLoadErrors);
  if (!page || page.total === 0) return null;
  return (
    <section aria-labelledby="rejected-title" className="card">
      <div className="card-head">
        <h2 id="rejected-title">Load errors and warnings ({fmtInt(page.rejected)} rejected, {fmtCount(page.total - page.rejected, 'warning')})</h2>
        <button type="button" onClick={() => void exportCsv()}>Export as CSV…</button>
      </div>
      <table className="data" data-testid="rejected-rows">
        <thead>
          <tr><th scope="col">File</th><th scope="col">Kind</th><th scope="col" className="num">Line</th><th scope="col">Column</th><th scope="col">Value</th><th scope="col">Reason</th></tr>
        </thead>
        <tbody>
          {page.rows.map((r, i) => (
            <tr key={`${r.fileName}-${r.line}-${i}`}>
              <td>{r.fileName}</td>
              <td className={r.severity === 'error' ? 'bad-text' : 'warn-text'}>{r.severity === 'error' ? 'Rejected' : 'Warning'}</td>
              <td className="num">{r.line ?? '—'}</td>
              <td>{r.column ?? '—'}</td>
              <td><code>{r.value || '(empty)'}</code></td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.total > ERRORS_PAGE && (
        <div className="pager">
          <button type="button" disabled={offset === 0} onClick={() => void fetch(Math.max(0, offset - ERRORS_PAGE))}>Previous</button>
          <span className="muted">{fmtInt(offset + 1)}–{fmtInt(Math.min(page.total, offset + ERRORS_PAGE))} of {fmtInt(page.total)}</span>
          <button type="button" disabled={offset + ERRORS_PAGE >= page.total} onClick={() => void fetch(offset + ERRORS_PAGE)}>Next</button>
        </div>
      )}
    </section>
  );
}
