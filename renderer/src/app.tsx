import { useEffect } from 'react';
import { Sidebar } from './shell/sidebar';
import { useViewShortcuts } from './shell/use-shortcuts';
import { useTheme } from './shell/use-theme';
import { VIEWS } from './shell/views';
import { useStore } from './store';

export function App() {
  const view = useStore((s) => s.view);
  const error = useStore((s) => s.error);
  const info = useStore((s) => s.info);
  const boot = useStore((s) => s.boot);
  useEffect(() => void boot(), [boot]);
  useTheme();
  useViewShortcuts();
  const Current = VIEWS.find((v) => v.id === view)?.component ?? VIEWS[0]!.component;

  return (
    <div className="shell">
      <Sidebar />
      <main className="content" aria-live="polite">
        {error && <p role="alert" className="error">{error}</p>}
        {info && (
          <p data-testid="app-info" className="sr-only">
            OptTrace {info.version}, rulebook {info.rulebookId}, host {info.host}
          </p>
        )}
        <Current />
      </main>
    </div>
  );
}
