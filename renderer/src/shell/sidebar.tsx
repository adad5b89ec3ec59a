import { useStore } from '../store';
import { VIEWS } from './views';

export function Sidebar() {
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const info = useStore((s) => s.info);
  return (
    <nav className="sidebar" aria-label="Views">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">◆</span> OptTrace
      </div>
      <ul>
        {VIEWS.map((v) => (
          <li key={v.id}>
            <button type="button" className="nav-item" aria-current={view === v.id ? 'page' : undefined} onClick={() => setView(v.id)} title={`Ctrl+${v.shortcut}`}>
              {v.label}
            </button>
          </li>
        ))}
      </ul>
      <ThemeSwitch />
      {info && <p className="sidebar-foot muted">v{info.version} · {info.rulebookId}</p>}
    </nav>
  );
}

function ThemeSwitch() {
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
  return (
    <label className="theme-switch">
      Theme
      <select value={theme} onChange={(e) => setTheme(e.target.value as typeof theme)}>
        <option value="system">Follow system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
