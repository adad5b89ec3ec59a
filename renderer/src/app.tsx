import { useEffect } from 'react';
import { useStore } from './store';

export function App() {
  const info = useStore((s) => s.info);
  const summary = useStore((s) => s.summary);
  const error = useStore((s) => s.error);
  const boot = useStore((s) => s.boot);
  useEffect(() => void boot(), [boot]);

  return (
    <main className="app">
      <h1>OptTrace</h1>
      {error && <p role="alert">{error}</p>}
      {info && (
        <p data-testid="app-info">
          Version {info.version} · rulebook <code>{info.rulebookId}</code> · host {info.host}
        </p>
      )}
      {summary && (
        <section aria-label="Workspace">
          <h2>{summary.name}</h2>
          <p data-testid="workspace-counts">
            {summary.counts.numbers} numbers · {summary.sources.length} sources
          </p>
        </section>
      )}
    </main>
  );
}
