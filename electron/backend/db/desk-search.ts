/**
 * contacts.search over the verdict table. Every page names its way into the table (INDEXED BY /
 * NOT INDEXED) instead of leaving it to SQLite's planner, which has no statistics here and, given a
 * filter that matches most rows, used to collect and sort all of them for one page (1M-row log:
 * 0.4–0.5 s for `verdict = unknown`, 1.5–2 s sorted by status). The table's invariant (ids 1..N in
 * number order, desk-queries.ts) and its group counts make the choice exact:
 * - sorted by number = by id: the rarest filter's index (its entries are in id order), or the id range
 *   of a typed number when that is smaller; a plain offset with no filter is an id;
 * - sorted by another column: when few rows match, the rarest way in and a sort of those rows; when
 *   many do, that column's index in order, one seek per value that has matches, skipping the rest.
 */
import type { SqlValue } from 'sql.js';
import type { ContactQuery, ContactRow } from '../../../shared/ipc/desk-types';
import { type Cursor, decodeCursor, encodeCursor, type Filter, type FilterColumn, filtersOf, numberPrefix } from './contact-query';
import { statusLabel, verdictLabel } from './desk-codes';
import { ensureDeskTables } from './desk-queries';
import type { Workspace } from './workspace';

/** Above this many matching rows, a page sorted by a column walks that column's index instead of sorting the matches. */
export const SORT_IN_MEMORY_MAX = 20_000;
export interface SearchTuning {
  /** Tests set it to 0 or Infinity to take each plan on a small workspace. */
  readonly sortInMemoryMax?: number;
}

export interface SearchResult {
  readonly total: number | null;
  readonly rows: ContactRow[];
  readonly next: string | null;
}
/** Inclusive id bounds. */
interface Range {
  readonly lo: number;
  readonly hi: number;
}
type SortColumn = FilterColumn | 'id';
/** A way into the table: a column's index, or the rowid (an id range, or the whole table in id order). */
type Access = FilterColumn | 'id';

const COLUMNS = 'id, number, code, keyword, status, verdict';
const clause = (parts: readonly string[]): string => (parts.length ? ` WHERE ${parts.join(' AND ')}` : '');

/** The current index name per column (a rebuild alternates two sets of names: contacts-build.ts). */
function indexNames(ws: Workspace): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of ws.all("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'desk_contacts'")) {
    const name = String(r.name);
    names.set(name.replace(/^desk_contacts_/, '').replace(/_b$/, ''), name);
  }
  return names;
}

/** Rows of the whole table matching `filters`, from the group counts. */
const groupCount = (ws: Workspace, filters: readonly Filter[]): number =>
  Number(ws.scalar(`SELECT COALESCE(SUM(n), 0) FROM desk_counts${clause(filters.map((f) => `${f.col} = ?`))}`, filters.map((f) => f.value)));

/**
 * A number prefix's ids, by binary search over the rows (numbers are in id order): ~40 row reads by
 * id, so the table needs no number index (21 MB at 1M rows, and one live index less to build).
 */
function idRange(ws: Workspace, prefix: string, count: number): Range | null {
  const numberAt = (id: number): string => String(ws.scalar('SELECT number FROM desk_contacts WHERE id = ?', [id]));
  /** The first id whose number sorts at or after `key` (count + 1 when none does). */
  const firstFrom = (key: string): number => {
    let lo = 1;
    let hi = count + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (numberAt(mid) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const lo = firstFrom(prefix);
  const hi = firstFrom(`${prefix}:`) - 1; // ':' sorts after '9': the last number with the prefix
  return lo <= hi ? { lo, hi } : null;
}

class Search {
  private readonly names: Map<string, string>;
  readonly filters: readonly Filter[];
  /** The way in that reads fewest rows. */
  readonly access: Access = 'id';
  /** The filter with the fewest rows, if any. */
  private readonly rarest: FilterColumn | undefined;

  constructor(
    private readonly ws: Workspace,
    filters: readonly Filter[],
    readonly range: Range | null,
    /** The table's rows, which is also its last id (ids 1..N). */
    readonly size: number,
  ) {
    this.names = indexNames(ws);
    let reads = range ? range.hi - range.lo + 1 : Infinity;
    const kept: Filter[] = [];
    let rarest = Infinity;
    for (const f of filters) {
      const n = groupCount(ws, [f]);
      // A filter every row matches (one code only, or 'unknown' everywhere) is no filter: dropping it
      // keeps offsets ids and spares the rows' reads.
      if (n === size) continue;
      kept.push(f);
      if (n < rarest) [this.rarest, rarest] = [f.col, n];
      if (n < reads) [this.access, reads] = [f.col, n];
    }
    this.filters = kept;
  }

  from(access: Access): string {
    return access === 'id' ? 'desk_contacts NOT INDEXED' : `desk_contacts INDEXED BY ${this.names.get(access) ?? `desk_contacts_${access}`}`;
  }

  /** The filters and the id range as conditions (whichever the access path uses, it evaluates the rest). */
  where(): { parts: string[]; params: SqlValue[] } {
    const parts = this.filters.map((f) => `${f.col} = ?`);
    const params: SqlValue[] = this.filters.map((f) => f.value);
    if (this.range) {
      parts.push('id BETWEEN ? AND ?');
      params.push(this.range.lo, this.range.hi);
    }
    return { parts, params };
  }

  /** Exact number of matching rows. */
  count(): number {
    if (!this.range) return groupCount(this.ws, this.filters);
    const { lo, hi } = this.range;
    if (this.filters.length === 0) return hi - lo + 1; // ids have no gaps
    // Count inside the range, or the filters' group count less what lies outside it: whichever reads fewer rows.
    const n = this.size;
    if (hi - lo + 1 <= n - (hi - lo + 1)) return this.countIn(lo, hi);
    return groupCount(this.ws, this.filters) - (lo > 1 ? this.countIn(1, lo - 1) : 0) - (hi < n ? this.countIn(hi + 1, n) : 0);
  }

  /** The values of `col` that some matching row has (from the group counts). */
  valuesOf(col: FilterColumn): SqlValue[] {
    const w = this.filters.map((f) => `${f.col} = ?`);
    return this.ws.all(`SELECT DISTINCT ${col} AS v FROM desk_counts${clause(w)} ORDER BY 1`, this.filters.map((f) => f.value)).map((r) => r.v ?? null);
  }

  /** Rows matching the filters with ids in [lo, hi], through the rarest filter's index. */
  private countIn(lo: number, hi: number): number {
    const parts = [...this.filters.map((f) => `${f.col} = ?`), 'id BETWEEN ? AND ?'];
    const params: SqlValue[] = [...this.filters.map((f) => f.value), lo, hi];
    return Number(this.ws.scalar(`SELECT COUNT(*) FROM ${this.from(this.rarest ?? 'id')}${clause(parts)}`, params));
  }

  rows(access: Access, parts: readonly string[], params: readonly SqlValue[], order: string, limit: number, offset = 0): Record<string, SqlValue>[] {
    return this.ws.all(`SELECT ${COLUMNS} FROM ${this.from(access)}${clause(parts)} ORDER BY ${order} LIMIT ? OFFSET ?`, [...params, limit, offset]);
  }
}

/** Pages in id (= number) order. */
function byId(s: Search, q: ContactQuery, cursor: Cursor | null, want: number, total: number | null): Record<string, SqlValue>[] {
  const { parts, params } = s.where();
  const dir = q.descending ? 'DESC' : 'ASC';
  let offset = cursor ? 0 : (q.offset ?? 0);
  if (!cursor && offset > 0 && s.filters.length > 0) {
    // An offset walks the filter's index; past the middle, walk it from the other end and turn the page round.
    const m = total ?? s.count();
    if (offset >= m) return [];
    if (offset > m / 2) {
      const from = Math.max(0, m - offset - want);
      return s.rows(s.access, parts, params, `id ${q.descending ? 'ASC' : 'DESC'}`, m - offset - from, from).reverse();
    }
  }
  if (cursor) {
    parts.push(`id ${q.descending ? '<' : '>'} ?`);
    params.push(cursor.id);
  } else if (offset > 0 && s.filters.length === 0) {
    // Every id in the range matches: the row `offset` places in is an id away.
    const lo = s.range?.lo ?? 1;
    const hi = s.range?.hi ?? s.size;
    parts.push(q.descending ? 'id <= ?' : 'id >= ?');
    params.push(q.descending ? hi - offset : lo + offset);
    offset = 0;
  }
  return s.rows(s.access, parts, params, `id ${dir}`, want, offset);
}

/** Pages sorted by a column, then id. */
function byColumn(s: Search, col: FilterColumn, q: ContactQuery, cursor: Cursor | null, want: number, inMemory: boolean): Record<string, SqlValue>[] {
  const dir = q.descending ? 'DESC' : 'ASC';
  const op = q.descending ? '<' : '>';
  const order = `${col} ${dir}, id ${dir}`;
  const { parts, params } = s.where();
  if (inMemory) {
    if (cursor) {
      parts.push(`(${col} ${op} ? OR (${col} = ? AND id ${op} ?))`);
      params.push(cursor.key, cursor.key, cursor.id);
    }
    return s.rows(s.access, parts, params, order, want, cursor ? 0 : (q.offset ?? 0));
  }
  // Only the column's values that some matching row has, each one a seek (with the id range inside it):
  // the walk never crosses a value's rows that cannot match (say, every 'None' row when the filter is
  // verdict 'allowed').
  const values = s.valuesOf(col);
  parts.push(`${col} IN (${values.map(() => '?').join(', ')})`);
  params.push(...values);
  if (!cursor) return s.rows(col, parts, params, order, want, q.offset ?? 0);
  // Keyset on the column's index in two seeks: the rest of the cursor's value, then the values after it.
  const same = s.rows(col, [...parts, `${col} = ?`, `id ${op} ?`], [...params, cursor.key, cursor.id], `id ${dir}`, want);
  if (same.length >= want) return same;
  return [...same, ...s.rows(col, [...parts, `${col} ${op} ?`], [...params, cursor.key], order, want - same.length)];
}

const asRow = (r: Record<string, SqlValue>): ContactRow => ({
  id: Number(r.id),
  mobileNumber: String(r.number),
  code: String(r.code),
  keyword: String(r.keyword),
  status: statusLabel(r.status),
  verdict: verdictLabel(r.verdict),
});

export function searchContacts(ws: Workspace, q: ContactQuery, tuning: SearchTuning = {}): SearchResult {
  ensureDeskTables(ws);
  const cursor = q.after !== undefined ? decodeCursor(q.after) : null;
  const none = { total: q.withTotal === false ? null : 0, rows: [], next: null };
  const prefix = q.query !== undefined ? numberPrefix(q.query) : '';
  if (q.query !== undefined && q.query.trim() !== '' && prefix === '') return none;
  const size = groupCount(ws, []);
  const range = prefix === '' ? null : idRange(ws, prefix, size);
  if (prefix !== '' && range === null) return none;
  const s = new Search(ws, filtersOf(q), range, size);
  const sort: SortColumn = q.sort === undefined || q.sort === 'number' ? 'id' : q.sort;
  const total = q.withTotal === false ? null : s.count();
  const want = q.limit + 1;
  const found = sort === 'id' ? byId(s, q, cursor, want, total) : byColumn(s, sort, q, cursor, want, (total ?? s.count()) <= (tuning.sortInMemoryMax ?? SORT_IN_MEMORY_MAX));
  const last = found.length > q.limit ? found[q.limit - 1] : undefined;
  return {
    total,
    rows: found.slice(0, q.limit).map(asRow),
    next: last ? encodeCursor({ key: sort === 'id' ? Number(last.id) : (last[sort] as string | number), id: Number(last.id) }) : null,
  };
}
