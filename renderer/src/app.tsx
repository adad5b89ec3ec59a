import { useEffect } from 'react';
import { Sidebar } from './shell/sidebar';
import { useViewShortcuts } from './shell/use-shortcuts';
import { useTheme } from './shell/use-theme';
import { VIEWS } from './shell/views';
import { useStore } from './store';
import { Messages } from './shell/messages';

export function App() {
  const view = useStore((s) => s.view);
  const info = useStore((s) => s.info);
  const boot = useStore((s) => s.boot);
  const startDesk = useStore((s) => s.startDesk);
  useEffect(() => void boot(), [boot]);
  useEffect(() => startDesk(), [startDesk]);
  useTheme();
  useViewShortcuts();
  const Current = VIEWS.find((v) => v.id === view)?.component ?? VIEWS[0]!.component;

  return (
    <div className="shell">
      <Sidebar />
      <main className="content" aria-live="polite">
        <Messages />
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
