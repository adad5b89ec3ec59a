/**
 * The event list in replay order, virtualized (5,000+ events), in sync with the cursor. Each row
 * jumps to its step; its actions edit the timeline (what if). Rows can be dragged to reorder, or moved
 * with the ↑/↓ buttons (Alt+↑/↓ on the focused row).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { EventRoute } from '../../../../shared/model';
import type { Step } from '../../../../shared/rules';
import { Icon } from '../../components/icon';
import { cstText, routeInfo, routeOf, summary, utcText } from './routes';

export interface EventListActions {
  readonly onJump: (cursor: number) => void;
  readonly onEdit?: (id: string) => void;
  readonly onDuplicate?: (id: string) => void;
  readonly onDelete?: (id: string) => void;
  readonly onSkip?: (id: string) => void;
  /** Move to a position of the replay order. */
  readonly onMove?: (id: string, to: number) => void;
}

export interface EventListProps extends EventListActions {
  readonly steps: readonly Step[];
  readonly cursor: number;
  readonly hidden: readonly EventRoute[];
  readonly divergence?: number | null;
  readonly height?: number;
}

const ROW = 52;

export function EventList({ steps, cursor, hidden, divergence, height = 380, ...actions }: EventListProps) {
  const rows = useMemo(() => steps.map((s, i) => ({ s, i })).filter(({ s }) => !hidden.includes(routeOf(s.event))), [steps, hidden]);
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 8, initialRect: { width: 600, height } });
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);

  const currentRow = rows.findIndex((r) => r.i === cursor - 1);
  useEffect(() => {
    if (currentRow < 0) return;
    // Only scroll when the row is out of view (scrolling forces a layout).
    const top = currentRow * ROW;
    const offset = v.scrollOffset ?? 0;
    const view = v.scrollRect?.height ?? height;
    if (top < offset || top + ROW > offset + view) v.scrollToIndex(currentRow, { align: 'center' });
  }, [currentRow, v, height]);

  const hiddenCount = steps.length - rows.length;
  const drop = (e: DragEvent, targetStep: number) => {
    e.preventDefault();
    if (dragId && actions.onMove) actions.onMove(dragId, targetStep);
    setDragId(null);
    setDropAt(null);
  };

  return (
    <section className="event-list panel" aria-label="Events">
      <div className="panel-head">
        <h2>Events</h2>
        <span className="muted small" data-testid="event-count">
          {hiddenCount > 0
            ? `Showing ${rows.length} of ${steps.length} · ${hiddenCount} hidden by the route filter (hidden events still replay — use Skip to leave one out)`
            : `${steps.length} event${steps.length === 1 ? '' : 's'} in replay order`}
        </span>
      </div>
      <button type="button" className={`event-row start-row${cursor === 0 ? ' current' : ''}`} aria-current={cursor === 0 ? 'step' : undefined} onClick={() => actions.onJump(0)}>
          <span className="step-no">0</span> <span className="muted">Starting state (before the first event)</span>
      </button>
      <div className="list-scroll" ref={scroller} style={{ height: Math.max(ROW * 3, Math.min(height, rows.length * ROW + 2)) }} data-testid="event-list">
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((item) => {
            const { s, i } = rows[item.index]!;
            const route = routeOf(s.event);
            const info = routeInfo(route);
            const cur = cursor === i + 1;
            const id = s.event.id;
            const onKey = (e: KeyboardEvent) => {
              if (!actions.onMove || !e.altKey) return;
              if (e.key === 'ArrowUp' && i > 0) { e.preventDefault(); actions.onMove(id, i - 1); }
              if (e.key === 'ArrowDown' && i < steps.length - 1) { e.preventDefault(); actions.onMove(id, i + 1); }
            };
            return (
              <div
                key={id}
                className={`event-row route-${route}${cur ? ' current' : ''}${s.skipped ? ' skipped' : ''}${dropAt === i ? ' drop-target' : ''}${divergence === i ? ' diverges' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${item.start}px)` }}
                data-testid={`event-${id}`}
                data-step={i + 1}
                draggable={Boolean(actions.onMove)}
                onDragStart={(e) => { setDragId(id); e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', id); }}
                onDragOver={(e) => { if (dragId) { e.preventDefault(); setDropAt(i); } }}
                onDragLeave={() => setDropAt(null)}
                onDrop={(e) => drop(e, i)}
                onKeyDown={onKey}
              >
                <button type="button" className="row-main" aria-current={cur ? 'step' : undefined} onClick={() => actions.onJump(i + 1)}
                  title="Jump to this step (Alt+↑/↓ moves it)">
                  <span className="step-no">{i + 1}</span>
                  <span className={`route-icon route-${route}`} aria-hidden="true">{info.icon}</span>
                  <span className="row-text">
                    <span className="row-summary">
                      <span className="sr-only">{info.label}: </span>
                      {summary(s.event)} <span className="muted mono small">{s.event.mobileNumber}</span>
                    </span>
                    <span className="row-time muted small">{utcText(s.atMs)} · {cstText(s.atMs)} · <span className="route-name">{info.label}</span></span>
                  </span>
                  <span className="badges">
                    {s.event.hypothetical && <span className="badge hypo">hypothetical</span>}
                    {s.skipped && <span className="badge skip">skipped</span>}
                    {s.flags.length > 0 && <span className="badge flag" title={s.flags.map((f) => f.flag).join(', ')}>⚑ {s.flags.length}</span>}
                    {divergence === i && <span className="badge diverge">diverges</span>}
                  </span>
                </button>
                {actions.onEdit && (
                  <span className="row-actions">
                    <button type="button" className="icon-btn" title="Move earlier (Alt+↑)" aria-label={`Move ${id} earlier`} disabled={i === 0} onClick={() => actions.onMove?.(id, i - 1)}><Icon name="up" /></button>
                    <button type="button" className="icon-btn" title="Move later (Alt+↓)" aria-label={`Move ${id} later`} disabled={i === steps.length - 1} onClick={() => actions.onMove?.(id, i + 1)}><Icon name="down" /></button>
                    <button type="button" className="icon-btn" title="Edit" aria-label={`Edit ${id}`} onClick={() => actions.onEdit?.(id)}><Icon name="edit" /></button>
                    <button type="button" className="icon-btn" title="Duplicate" aria-label={`Duplicate ${id}`} onClick={() => actions.onDuplicate?.(id)}><Icon name="copy" /></button>
                    <button type="button" className="icon-btn" title={s.skipped ? 'Replay this event again' : 'Skip: keep it in the timeline but leave it out of the replay'} aria-label={`${s.skipped ? 'Unskip' : 'Skip'} ${id}`} aria-pressed={s.skipped} onClick={() => actions.onSkip?.(id)}><Icon name="skip" /></button>
                    <button type="button" className="icon-btn danger" title="Delete" aria-label={`Delete ${id}`} onClick={() => actions.onDelete?.(id)}><Icon name="trash" /></button>
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
