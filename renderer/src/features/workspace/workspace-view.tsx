import { useStore } from '../../store';
import { fmtInt } from '../../components/format';
import { LoadPanel } from './load-panel';
import { RejectedRows } from './rejected-rows';
import { SourcesTable } from './sources-table';
import './workspace.css';

export function WorkspaceView() {
  const summary = useStore((s) => s.summary);
  const pickFiles = useStore((s) => s.pickFiles);
  const save = useStore((s) => s.saveWorkspace);
  const open = useStore((s) => s.openWorkspace);
  const create = useStore((s) => s.newWorkspace);
  const loading = useStore((s) => s.loading);
  if (!summary) return <p className="muted">Loading workspace…</p>;
  const c = summary.counts;
  return (
    <section aria-labelledby="workspace-title" className="workspace">
      <header className="view-head">
        <h1 id="workspace-title">
          {summary.name}
          {summary.dirty && <span className="dirty" title="Unsaved changes"> • <span className="sr-only">unsaved changes</span></span>}
        </h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => void pickFiles()} disabled={loading}>Open exports…</button>
          <button type="button" onClick={() => void save(false)} disabled={loading}>Save workspace</button>
          <button type="button" onClick={() => void save(true)} disabled={loading}>Save as…</button>
          <button type="button" onClick={() => void open()} disabled={loading}>Open workspace…</button>
          <button type="button" onClick={() => void create()} disabled={loading}>New</button>
        </div>
      </header>
      {summary.isDemo && (
        <div className="banner" role="note" data-testid="demo-banner">
          <strong>You are exploring the built-in demo workspace.</strong> Its exports are synthetic. Use <em>Open exports…</em> (or drop CSV files on the window) to load your own MobileConnect exports.
        </div>
      )}
      <dl className="stats" data-testid="workspace-counts">
        <div><dt>Numbers</dt><dd>{fmtInt(c.numbers)}</dd></div>
        <div><dt>Subscriptions</dt><dd>{fmtInt(c.subscriptions)}</dd></div>
        <div><dt>Events</dt><dd>{fmtInt(c.events)}</dd></div>
        <div><dt>Sources</dt><dd>{fmtInt(summary.sources.length)}</dd></div>
        <div><dt>Rejected rows</dt><dd className={c.loadErrors ? 'warn-text' : undefined}>{fmtInt(c.loadErrors)}</dd></div>
      </dl>
      <LoadPanel />
      <SourcesTable sources={summary.sources} />
      <RejectedRows />
    </section>
  );
}
