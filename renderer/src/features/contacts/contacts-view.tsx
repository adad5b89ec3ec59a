import { useEffect, useState } from 'react';
import { SUBSCRIPTION_STATUSES, VERDICTS } from '../../../../shared/model';
import { useStore } from '../../store';
import type { ContactFilters } from '../../store/contacts-slice';
import { fmtCount, STATUS_LABELS } from '../../components/format';
import { verdictLabel } from '../../components/verdict-badge';
import { ExplainPanel } from '../explain/explain-panel';
import { ContactsTable } from './contacts-table';
import './contacts.css';

/**
 * Typing pause before a search: short enough that the answer lands within 150 ms of the last key (a
 * search takes 1–10 ms in main at 1M rows; 100 ms left too little room on a busy machine), long enough
 * to skip the keystrokes of a fast typist.
 */
const DEBOUNCE_MS = 60;

/** Its own component, so a keystroke re-renders the box only, never the grid. */
function SearchBox() {
  const setFilters = useStore((s) => s.setFilters);
  const [text, setText] = useState(() => useStore.getState().filters.query);
  useEffect(() => {
    if (text === useStore.getState().filters.query) return;
    const t = setTimeout(() => setFilters({ query: text }), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, setFilters]);
  return (
    <label className="filter search">
      Mobile number
      <input type="search" value={text} placeholder="+1 (555) 123-0001, 5551230001…" onChange={(e) => setText(e.target.value)} data-testid="contacts-search" />
    </label>
  );
}

export function ContactsView() {
  const filters = useStore((s) => s.filters);
  const setFilters = useStore((s) => s.setFilters);
  const facets = useStore((s) => s.facets);
  const total = useStore((s) => s.total);
  const took = useStore((s) => s.lastSearchMs);
  const selected = useStore((s) => s.selectedNumber);

  const select = <K extends keyof ContactFilters>(key: K, label: string, options: readonly { value: string; label: string }[]) => (
    <label className="filter">
      {label}
      <select value={filters[key]} onChange={(e) => setFilters({ [key]: e.target.value } as Partial<ContactFilters>)}>
        <option value="">All</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );

  return (
    <section aria-labelledby="contacts-title" className={`contacts${selected ? ' with-panel' : ''}`}>
      <div className="contacts-main">
        <header className="view-head">
          <h1 id="contacts-title">Contacts</h1>
          <p className="muted" role="status" data-testid="contacts-total">
            {total === null ? 'Searching…' : fmtCount(total, 'subscription')}
            {took !== null && total !== null ? ` · ${took.toFixed(0)} ms` : ''}
          </p>
        </header>
        <div className="filters">
          <SearchBox />
          {select('code', 'Code', (facets?.codes ?? []).map((c) => ({ value: c, label: c })))}
          {select('keyword', 'Keyword', (facets?.keywords ?? []).filter((k) => k !== '').map((k) => ({ value: k, label: k })))}
          {select('status', 'Status', SUBSCRIPTION_STATUSES.filter((s) => s !== 'None').map((s) => ({ value: s, label: STATUS_LABELS[s] ?? s })))}
          {select('verdict', 'Verdict', VERDICTS.map((v) => ({ value: v, label: verdictLabel(v) })))}
        </div>
        <ContactsTable />
      </div>
      {selected && <ExplainPanel />}
    </section>
  );
}
