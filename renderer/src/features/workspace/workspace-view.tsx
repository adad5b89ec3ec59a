import { useStore } from '../../store';

export function WorkspaceView() {
  const summary = useStore((s) => s.summary);
  if (!summary) return <p className="muted">Loading workspace…</p>;
  return (
    <section aria-labelledby="workspace-title">
      <h1 id="workspace-title">{summary.name}</h1>
      <p data-testid="workspace-counts">
        {summary.counts.numbers.toLocaleString()} numbers · {summary.sources.length} sources · {summary.counts.loadErrors.toLocaleString()} rejected rows
      </p>
    </section>
  );
}
