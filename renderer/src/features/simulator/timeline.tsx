/**
 * The horizontal timeline: one mark per event at its time (zoom to fit by default), coloured and
 * shaped by route, the current step ringed, the first divergence of a comparison marked, and the
 * pinned subscription's status drawn as a band underneath.
 */
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { EventRoute, SubscriptionStatus } from '../../../../shared/model';
import type { Step } from '../../../../shared/rules';
import { routeInfo, routeOf, summary, utcText } from './routes';

export interface TimelineProps {
  readonly steps: readonly Step[];
  readonly cursor: number;
  readonly hidden: readonly EventRoute[];
  readonly onJump: (cursor: number) => void;
  readonly divergence?: number | null;
  /** Status after each step (index 0 = start) of the pinned subscription. */
  readonly track?: readonly SubscriptionStatus[] | null;
  readonly trackLabel?: string;
}

const PAD = 30;
const HEIGHT = 64;

export function Timeline({ steps, cursor, hidden, onJump, divergence, track, trackLabel }: TimelineProps) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  const [zoom, setZoom] = useState(1);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => entry && setWidth(Math.max(200, entry.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const w = Math.round(width * zoom);
  const first = steps[0]?.atMs ?? 0;
  const last = steps[steps.length - 1]?.atMs ?? first;
  const span = last - first || 1;
  // Stable while the steps and the width stay the same, so the marks are not redrawn on every step.
  const x = useMemo(() => (i: number): number => {
    if (i < 0) return PAD / 2;
    const t = steps[i]?.atMs ?? first;
    return PAD + ((t - first) / span) * (w - PAD * 2);
  }, [steps, first, span, w]);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === '+' || e.key === '=') setZoom((z) => Math.min(64, z * 2));
    if (e.key === '-') setZoom((z) => Math.max(1, z / 2));
  };

  return (
    <section className="timeline panel" aria-label="Timeline">
      <div className="panel-head">
        <h2>Timeline</h2>
        <span className="muted small">{steps.length > 0 ? `${utcText(first)} → ${utcText(last)}` : 'no events'}</span>
        <div className="spacer" />
        <div className="btn-group" role="group" aria-label="Zoom">
          <button type="button" className="btn small" onClick={() => setZoom((z) => Math.max(1, z / 2))} disabled={zoom <= 1} title="Zoom out (−)">−</button>
          <button type="button" className="btn small" onClick={() => setZoom(1)} disabled={zoom === 1} title="Zoom to fit">Fit</button>
          <button type="button" className="btn small" onClick={() => setZoom((z) => Math.min(64, z * 2))} title="Zoom in (+)">+</button>
        </div>
      </div>
      <div className="timeline-scroll" ref={box} tabIndex={0} onKeyDown={onKey} aria-label={`Timeline, ${steps.length} events, zoom ${zoom}×`} role="region">
        <svg width={w} height={HEIGHT + (track ? 22 : 0)} className="timeline-svg" data-testid="timeline">
          <line x1={PAD / 2} x2={w - PAD / 2} y1={HEIGHT / 2} y2={HEIGHT / 2} className="axis" />
          <g className={`tl-mark tl-start${cursor === 0 ? ' current' : ''}`} onClick={() => onJump(0)}>
            <title>Step 0: starting state</title>
            <rect x={PAD / 2 - 4} y={HEIGHT / 2 - 9} width={8} height={18} rx={2} />
          </g>
          {divergence !== null && divergence !== undefined && steps[divergence] && (
            <g className="divergence" data-testid="timeline-divergence">
              <line x1={x(divergence)} x2={x(divergence)} y1={2} y2={HEIGHT - 2} />
              <text x={x(divergence) + (x(divergence) > w - 80 ? -4 : 4)} y={11} textAnchor={x(divergence) > w - 80 ? 'end' : 'start'}>first divergence</text>
            </g>
          )}
          <Marks steps={steps} hidden={hidden} x={x} onJump={onJump} />
          {cursor > 0 && steps[cursor - 1] && !hidden.includes(routeOf(steps[cursor - 1]!.event)) && (
            <circle className="tl-current" data-testid="timeline-current" cx={x(cursor - 1)} cy={HEIGHT / 2} r={10} pointerEvents="none" />
          )}
          {track && (
            <g className="track" aria-hidden="true">
              {track.map((st, i) => {
                const x0 = i === 0 ? PAD / 2 : x(i - 1);
                const x1 = i < track.length - 1 ? x(i) : w - PAD / 2;
                return <rect key={i} x={x0} width={Math.max(1, x1 - x0)} y={HEIGHT + 4} height={12} className={`band status-${st}`} />;
              })}
            </g>
          )}
        </svg>
      </div>
      {track && trackLabel && <TrackText track={track} label={trackLabel} />}
    </section>
  );
}

/** One mark per event; memoized: stepping only moves the current-step ring drawn over them. */
const Marks = memo(function Marks({ steps, hidden, x, onJump }: { readonly steps: readonly Step[]; readonly hidden: readonly EventRoute[]; readonly x: (i: number) => number; readonly onJump: (cursor: number) => void }) {
  return (
    <g>
      {steps.map((s, i) => {
        const route = routeOf(s.event);
        if (hidden.includes(route)) return null;
        return <Mark key={s.event.id} step={i + 1} event={s.event} atMs={s.atMs} skipped={s.skipped} flags={s.flags.length} cx={x(i)} onJump={onJump} />;
      })}
    </g>
  );
});

interface MarkProps {
  readonly step: number;
  readonly event: Step['event'];
  readonly atMs: number;
  readonly skipped: boolean;
  readonly flags: number;
  readonly cx: number;
  readonly onJump: (cursor: number) => void;
}

/** Memoized per event: after an edit only the marks whose event, position or flags changed redraw. */
const Mark = memo(function Mark({ step, event, atMs, skipped, flags, cx, onJump }: MarkProps) {
  const route = routeOf(event);
  return (
    <g className={`tl-mark route-${route}${skipped ? ' skipped' : ''}${event.hypothetical ? ' hypo' : ''}`} onClick={() => onJump(step)} data-step={step}>
      <title>{`Step ${step} · ${routeInfo(route).label}: ${summary(event)} · ${utcText(atMs)}${skipped ? ' (skipped)' : ''}${event.hypothetical ? ' (hypothetical)' : ''}`}</title>
      <circle cx={cx} cy={HEIGHT / 2} r={6} />
      {flags > 0 && <circle cx={cx} cy={HEIGHT / 2 - 16} r={3} className="flag-dot" />}
    </g>
  );
});

/** The pinned band in words: each status with the step it started at. */
function TrackText({ track, label }: { readonly track: readonly SubscriptionStatus[]; readonly label: string }) {
  const runs: { from: number; status: SubscriptionStatus }[] = [];
  track.forEach((st, i) => {
    if (runs[runs.length - 1]?.status !== st) runs.push({ from: i, status: st });
  });
  return (
    <p className="track-text small" data-testid="pinned-track">
      <span className="pin-label">★ {label}:</span>{' '}
      {runs.map((r, i) => (
        <span key={r.from}>
          {i > 0 && ' → '}
          <span className={`sim-status sim-status-${r.status}`}>{r.status}</span> <span className="muted">from step {r.from}</span>
        </span>
      ))}
    </p>
  );
}
