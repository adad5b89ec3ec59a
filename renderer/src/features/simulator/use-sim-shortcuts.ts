/** Simulator keys: ←/→ step, Home/End, Space play/pause, [ and ] speed. Never while typing in a field. */
import { useEffect } from 'react';
import { useStore } from '../../store';
import { SPEEDS } from '../../store/simulator-slice';

export const SHORTCUTS = { back: '←', forward: '→', home: 'Home', end: 'End', play: 'Space', slower: '[', faster: ']' } as const;

const typing = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');

export function useSimShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const s = useStore.getState();
      if (!s.simReplay || s.simEditing) return;
      const i = SPEEDS.indexOf(s.simSpeed);
      switch (e.key) {
        case 'ArrowRight': s.setPlaying(false); s.stepBy(1); break;
        case 'ArrowLeft': s.setPlaying(false); s.stepBy(-1); break;
        case 'Home': s.setPlaying(false); s.stepHome(); break;
        case 'End': s.setPlaying(false); s.stepEnd(); break;
        case ' ':
          // Space on a focused button would also click it: let the button have it.
          if (e.target instanceof HTMLButtonElement) return;
          s.setPlaying(!s.simPlaying);
          break;
        case '[': s.setSpeed(SPEEDS[Math.max(0, i - 1)]!); break;
        case ']': s.setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, i + 1)]!); break;
        default: return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Playback: one step per tick at 1×–8× (one step a second at 1×).
  const playing = useStore((s) => s.simPlaying);
  const speed = useStore((s) => s.simSpeed);
  useEffect(() => {
    if (!playing) return;
    const t = window.setInterval(() => {
      const s = useStore.getState();
      if (s.simCursor >= (s.simReplay?.steps.length ?? 0)) s.setPlaying(false);
      else s.stepBy(1);
    }, 1000 / speed);
    return () => window.clearInterval(t);
  }, [playing, speed]);
}
