/** Ctrl/Cmd+1…5 switch views. */
import { useEffect } from 'react';
import { useStore } from '../store';
import { VIEWS } from './views';

export function useViewShortcuts(): void {
  const setView = useStore((s) => s.setView);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const target = VIEWS.find((v) => v.shortcut === e.key);
      if (target) {
        e.preventDefault();
        setView(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setView]);
}
