/**
 * The contacts grid: virtualized (@tanstack/react-virtual) over pages fetched from main on demand.
 * One tab stop; ↑/↓/PageUp/PageDown/Home/End move the active row, Enter explains it.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ContactSort } from '../../../../shared/ipc/desk-types';
import { useStore } from '../../store';
import { PAGE } from '../../store/contacts-slice';
import { fmtNumber, STATUS_LABELS } from '../../components/format';
import { VerdictBadge } from '../../components/verdict-badge';

const ROW = 36;
const COLUMNS: readonly { id: ContactSort; label: string }[] = [
  { id: 'number', label: 'Mobile number' }, { id: 'code', label: 'Code' }, { id: 'keyword', label: 'Keyword' }, { id: 'status', label: 'Status' }, { id: 'verdict', label: 'Verdict on code' },
];

export const ContactsTable = memo(function ContactsTable() {
  const total = useStore((s) => s.total) ?? 0;
  const pages = useStore((s) => s.pages);
  const fetchPage = useStore((s) => s.fetchPage);
  const sort = useStore((s) => s.sort);
  const descending = useStore((s) => s.descending);
  const setSort = useStore((s) => s.setSort);
  const explain = useStore((s) => s.explain);
  const generation = useStore((s) => s.generation);
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtual = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 12 });
  const items = virtual.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  // A new result set (search, filter, reload) starts at its top: keep the active row in view.
  useEffect(() => {
    setActive(0);
    virtual.scrollToOffset(0);
  }, [generation, virtual]);
  useEffect(() => {
    if (total === 0) return;
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) void fetchPage(p);
  }, [first, last, total, fetchPage, generation]);

  const rowAt = (i: number) => pages[Math.floor(i / PAGE)]?.rows[i % PAGE];
  const move = (to: number) => {
    const i = Math.max(0, Math.min(total - 1, to));
    setActive(i);
    virtual.scrollToIndex(i, { align: 'auto' });
  };
  const visibleRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW * 10) / ROW) - 1);
  const onKey = (e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1), ArrowUp: () => move(active - 1), PageDown: () => move(active + visibleRows), PageUp: () => move(active - visibleRows),
      Home: () => move(0), End: () => move(total - 1),
      Enter: () => { const r = rowAt(active); if (r) void explain(r.mobileNumber); },
    };
    const run = keys[e.key];
    if (run && total > 0) {
      e.preventDefault();
      run();
    }
  };

  return (
    <div className="grid-wrap">
      <div role="grid" aria-label="Contacts" aria-rowcount={total + 1} aria-colcount={COLUMNS.length} className="grid" tabIndex={0} onKeyDown={onKey}
        aria-activedescendant={total > 0 ? `contact-row-${active}` : undefined} data-testid="contacts-grid" ref={scroller}>
        <div role="row" aria-rowindex={1} className="grid-row grid-head">
          {COLUMNS.map((c) => (
            <div role="columnheader" key={c.id} aria-sort={sort === c.id ? (descending ? 'descending' : 'ascending') : 'none'} className={`cell cell-${c.id}`}>
              <button type="button" onClick={() => setSort(c.id)} aria-label={`Sort by ${c.label}`}>
                {c.label} <span aria-hidden="true">{sort === c.id ? (descending ? '▼' : '▲') : ''}</span>
              </button>
            </div>
          ))}
        </div>
        <div className="grid-body" style={{ height: virtual.getTotalSize() }}>
          {items.map((v) => {
            const r = rowAt(v.index);
            return (
              <div role="row" key={v.key} id={`contact-row-${v.index}`} aria-rowindex={v.index + 2} aria-selected={v.index === active}
                className={`grid-row${v.index === active ? ' active' : ''}`} style={{ transform: `translateY(${v.start}px)` }}
                onClick={() => { setActive(v.index); if (r) void explain(r.mobileNumber); }}>
                {r ? (
                  <>
                    <div role="gridcell" className="cell cell-number mono">{fmtNumber(r.mobileNumber)}</div>
                    <div role="gridcell" className="cell cell-code">{r.code || '—'}</div>
                    <div role="gridcell" className="cell cell-keyword">{r.keyword || '—'}</div>
                    <div role="gridcell" className="cell cell-status">{STATUS_LABELS[r.status] ?? r.status}</div>
                    <div role="gridcell" className="cell cell-verdict"><VerdictBadge verdict={r.verdict} /></div>
                  </>
                ) : (
                  <div role="gridcell" className="cell muted">Loading…</div>
                )}
              </div>
            );
          })}
        </div>
        {total === 0 && <p className="muted empty">No subscriptions match. Check the number or clear a filter.</p>}
      </div>
    </div>
  );
});
