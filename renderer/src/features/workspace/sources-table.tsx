import type { SourceSummary } from '../../../../shared/ipc/contract';
import { EXPORT_FORMAT_TITLES, type ExportFormat } from '../../../../shared/ipc/desk-types';
import { fmtBytes, fmtInt } from '../../components/format';

const title = (f: string): string => EXPORT_FORMAT_TITLES[f as ExportFormat] ?? 'Unrecognised';

export function SourcesTable({ sources }: { sources: readonly SourceSummary[] }) {
  return (
    <section aria-labelledby="sources-title" className="card">
      <h2 id="sources-title">Sources</h2>
      {sources.length === 0 ? (
        <p className="muted">No exports loaded yet. Use Open exports… to load MobileConnect CSV exports.</p>
      ) : (
        <table className="data" data-testid="sources">
          <thead>
            <tr><th scope="col">File</th><th scope="col">Format</th><th scope="col" className="num">Size</th><th scope="col" className="num">Rows loaded</th><th scope="col" className="num">Rows rejected</th><th scope="col">SHA-256</th></tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id}>
                <td>{s.fileName}</td>
                <td>{title(s.format)}</td>
                <td className="num">{fmtBytes(s.sizeBytes)}</td>
                <td className="num">{fmtInt(s.rowsLoaded)}</td>
                <td className={`num${s.rowsRejected ? ' warn-text' : ''}`}>{fmtInt(s.rowsRejected)}</td>
                <td><code className="hash" title={s.sha256}>{s.sha256.slice(0, 16)}…</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
