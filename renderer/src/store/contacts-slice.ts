/** Contacts: filters, sort, and a page cache the virtual table reads; pages come from main, never all rows. */
import type { StateCreator } from 'zustand';
import type { ContactFacets, ContactRow, ContactSort } from '../../../shared/ipc/desk-types';
import type { SubscriptionStatus, Verdict } from '../../../shared/model';
import { call } from '../api';
import type { State } from '.';

export const PAGE = 100;

export interface ContactFilters {
  query: string;
  code: string;
  keyword: string;
  status: '' | Exclude<SubscriptionStatus, 'None'>;
  verdict: '' | Verdict;
}

interface CachedPage { readonly rows: readonly ContactRow[]; readonly next: string | null }

export interface ContactsSlice {
  filters: ContactFilters;
  sort: ContactSort;
  descending: boolean;
  total: number | null;
  pages: Record<number, CachedPage>;
  generation: number;
  facets: ContactFacets | null;
  lastSearchMs: number | null;
  setFilters(patch: Partial<ContactFilters>): void;
  setSort(sort: ContactSort): void;
  resetContacts(): void;
  fetchPage(page: number): Promise<void>;
  loadFacets(): Promise<void>;
}

const inflight = new Set<string>();

export const createContactsSlice: StateCreator<State, [], [], ContactsSlice> = (set, get) => ({
  filters: { query: '', code: '', keyword: '', status: '', verdict: '' },
  sort: 'number',
  descending: false,
  total: null,
  pages: {},
  generation: 0,
  facets: null,
  lastSearchMs: null,
  setFilters: (patch) => {
    set((s) => ({ filters: { ...s.filters, ...patch } }));
    get().resetContacts();
  },
  setSort: (sort) => {
    set((s) => ({ sort, descending: s.sort === sort ? !s.descending : false }));
    get().resetContacts();
  },
  resetContacts: () => {
    set((s) => ({ pages: {}, total: null, generation: s.generation + 1 }));
    void get().fetchPage(0);
    void get().loadFacets();
  },
  fetchPage: async (page) => {
    const { filters, sort, descending, generation, pages } = get();
    const key = `${generation}:${page}`;
    if (pages[page] || inflight.has(key)) return;
    inflight.add(key);
    const t0 = performance.now();
    try {
      const prev = pages[page - 1];
      const result = await call('contacts.search', {
        limit: PAGE, sort, descending, withTotal: page === 0,
        ...(filters.query.trim() ? { query: filters.query.trim() } : {}),
        ...(filters.code ? { code: filters.code } : {}),
        ...(filters.keyword ? { keyword: filters.keyword } : {}),
        ...(filters.status ? { status: filters.status } : {}),
        ...(filters.verdict ? { verdict: filters.verdict } : {}),
        ...(prev?.next ? { after: prev.next } : { offset: page * PAGE }),
      });
      if (get().generation !== generation) return;
      set((s) => ({
        pages: { ...s.pages, [page]: { rows: result.rows, next: result.next } },
        ...(result.total !== null ? { total: result.total, lastSearchMs: performance.now() - t0 } : {}),
      }));
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      inflight.delete(key);
    }
  },
  loadFacets: async () => {
    try {
      set({ facets: await call('contacts.facets', {}) });
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) });
    }
  },
});
