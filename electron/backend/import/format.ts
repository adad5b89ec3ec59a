/** What a format module declares (columns it knows, which it requires) and the per-row helpers. */
import type { BulkRow, BulkTable } from '../db/tables';
import { isKnownCode, type CodeTableName } from './code-tables';
import { idText, isAllDigits, normalizeNumber, parseExportDateMs, parseFlag } from './normalize';

export const FORMAT_IDS = [
  'sms-subscription-log',
  'mobile-subscription',
  'mobile-address',
  'sms-message-tracking',
  'undeliverable-sms',
  'contact-builder-subscriptions',
  'mobileconnect-import-file',
  'keyword-dictionary',
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export interface ColumnSpec {
  readonly key: string;
  /** Accepted header names; matched case-insensitively, ignoring a leading `_`, spaces and underscores. */
  readonly names: readonly string[];
  readonly required?: boolean;
}

export interface FormatSpec {
  readonly id: FormatId;
  readonly label: string;
  readonly table: BulkTable;
  readonly columns: readonly ColumnSpec[];
  /** Groups of keys of which at least one must be present (e.g. HoldDate or LastBounceDate). */
  readonly requireOneOf?: readonly (readonly string[])[];
  readonly mapRow: (r: RowContext) => BulkRow | null;
  /**
   * mapRow's row after source id and line, for a record whose values are all in their plain form, read
   * straight from the file's bytes (import/byte-rows.ts); any other record still goes through mapRow.
   * byte-rows.test.ts loads each format both ways and compares every record.
   */
  readonly bytePlan?: readonly ByteCell[];
}

/**
 * One value (or pair) of a byte plan. `number`: the digits and number_raw NULL; `date`: epoch ms and its
 * raw text (NULL when canonical); `required`: empty → mapRow (which rejects it); `extras`: NULL (files
 * with extra columns keep to mapRow).
 */
export type ByteCell =
  | { readonly number: string }
  | { readonly text: string; readonly required?: true }
  | { readonly code: string; readonly table: CodeTableName }
  | { readonly date: string; readonly required?: true }
  | { readonly flag: string }
  | { readonly constant: string | null }
  | { readonly extras: true };

export const headerKey = (h: string): string => h.trim().replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_]/g, '');

/** Resolves a format's column keys to positions in a file's header, once per file. */
export class ColumnIndex {
  private readonly pos = new Map<string, number>();
  /**
   * The same positions as a plain object with every spec key (-1 when absent), keys added in spec
   * order so every file of a format shares one shape: RowContext reads ~20 cells a row through it,
   * where a Map lookup per cell was a visible share of the parse worker's time.
   */
  readonly positions: Record<string, number> = {};
  private readonly extraCols: number[] = [];
  constructor(
    readonly spec: FormatSpec,
    readonly header: readonly string[],
  ) {
    const byHeader = new Map<string, number>();
    header.forEach((h, i) => byHeader.has(headerKey(h)) || byHeader.set(headerKey(h), i));
    const used = new Set<number>();
    for (const c of spec.columns) {
      for (const n of c.names) {
        const i = byHeader.get(headerKey(n));
        if (i !== undefined) {
          this.pos.set(c.key, i);
          used.add(i);
          break;
        }
      }
    }
    header.forEach((_, i) => used.has(i) || this.extraCols.push(i));
    for (const c of spec.columns) this.positions[c.key] = this.pos.get(c.key) ?? -1;
  }
  has(key: string): boolean {
    return this.pos.has(key);
  }
  /** The header text of a column as the file spells it (for error messages). */
  name(key: string): string {
    const i = this.pos.get(key);
    return i === undefined ? key : (this.header[i] ?? key);
  }
  /** Missing required columns, named as the format's first spelling. */
  missing(): string[] {
    const out = this.spec.columns.filter((c) => c.required && !this.pos.has(c.key)).map((c) => c.names[0]!);
    for (const group of this.spec.requireOneOf ?? []) {
      if (!group.some((k) => this.pos.has(k))) {
        out.push(group.map((k) => this.spec.columns.find((c) => c.key === k)?.names[0] ?? k).join(' or '));
      }
    }
    return out;
  }
  matchedCount(): number {
    return this.pos.size;
  }
  extras(f: readonly string[]): string | null {
    if (this.extraCols.length === 0) return null;
    const o: Record<string, string> = {};
    for (const i of this.extraCols) o[this.header[i] || `column ${i + 1}`] = f[i] ?? '';
    return JSON.stringify(o);
  }
}

export interface RowIssues {
  error(column: string | null, value: string | null, code: string, message: string): void;
  warn(column: string | null, value: string | null, code: string, message: string): void;
}

/** Per-row view handed to a format's mapRow: typed readers that report problems with column names. */
export class RowContext {
  f: readonly string[] = [];
  line = 0;
  sourceId = 0;
  failed = false;
  private lastDateRaw = '';
  private lastDateMs: number | null = null;
  private lastDateCanonical = false;
  private lastNumber: string | null = null;
  /** The last number()/date() call's key and what numberRaw()/dateRaw() store for it (read right after). */
  private numberKey = '';
  private numberRawOut: string | null = null;
  private dateKey = '';
  private dateRawOut: string | null = null;
  private readonly parseOut = { canonical: false };
  private readonly positions: Record<string, number>;
  constructor(
    readonly ix: ColumnIndex,
    readonly issues: RowIssues,
  ) {
    this.positions = ix.positions;
  }

  /** Starts on a record (RowSink, per row): nothing of the last row's number or date carries over. */
  startRow(f: readonly string[], line: number): void {
    this.f = f;
    this.line = line;
    this.failed = false;
    this.numberKey = '';
    this.dateKey = '';
  }

  raw(key: string): string {
    const i = this.positions[key];
    return i === undefined || i < 0 ? '' : (this.f[i] ?? '');
  }
  /** Text cell, NULL when empty (value kept as written, not trimmed). */
  text(key: string): string | null {
    const v = this.raw(key);
    return v === '' ? null : v;
  }
  extras(): string | null {
    return this.ix.extras(this.f);
  }
  fail(key: string | null, value: string | null, code: string, message: string): null {
    this.failed = true;
    this.issues.error(key === null ? null : this.ix.name(key), value, code, message);
    return null;
  }
  warn(key: string | null, value: string | null, code: string, message: string): void {
    this.issues.warn(key === null ? null : this.ix.name(key), value, code, message);
  }
  /** Normalized number (row error when unusable, warning when ambiguous). */
  number(key: string): string | null {
    const raw = this.raw(key);
    const r = normalizeNumber(raw);
    this.lastNumber = r.ok ? r.number : null;
    this.numberKey = key;
    this.numberRawOut = raw === this.lastNumber ? null : raw;
    if (!r.ok) return this.fail(key, raw, r.code, r.message);
    if (r.warning) this.warn(key, raw, r.warning.code, r.warning.message);
    return r.number;
  }
  /** Raw number text to store: NULL when identical to the normalized digits (call right after number()). */
  numberRaw(key: string): string | null {
    if (key === this.numberKey) return this.numberRawOut;
    const raw = this.raw(key);
    return raw === this.lastNumber ? null : raw;
  }
  /**
   * Raw date text to store (call right after date(key)): NULL when empty or written exactly in the
   * canonical `M/D/YYYY h:mm:ss AM` form, which `rawDateText` restores — a third of the bytes of a
   * million-row log, with nothing lost.
   */
  dateRaw(key: string): string | null {
    if (key === this.dateKey) return this.dateRawOut;
    const raw = this.raw(key);
    if (raw === '') return null;
    return raw === this.lastDateRaw && this.lastDateCanonical ? null : raw;
  }
  /** UTC epoch ms of a CST export date; an unreadable date is a row error naming the value. */
  date(key: string): number | null {
    const raw = this.raw(key);
    this.dateKey = key;
    this.dateRawOut = null;
    if (raw === '') return null;
    // One-entry cache: a row's LogDate, OptInDate, CreatedDate and ModifiedDate are often the same text.
    if (raw === this.lastDateRaw) {
      this.dateRawOut = this.lastDateCanonical ? null : raw;
      return this.lastDateMs;
    }
    const ms = parseExportDateMs(raw, this.parseOut);
    if (ms === undefined) {
      this.dateRawOut = raw;
      return this.fail(key, raw, 'date-unreadable', `unreadable date "${raw}": expected M/D/YYYY h:mm:ss AM, M/D/YYYY H:mm, YYYY-MM-DD HH:mm:ss(.fff) or ISO-8601`);
    }
    this.lastDateRaw = raw;
    this.lastDateMs = ms;
    this.lastDateCanonical = this.parseOut.canonical;
    this.dateRawOut = this.lastDateCanonical ? null : raw;
    return ms;
  }
  /** A status/method id checked against its code table: not an integer → error; unknown → warning, kept. */
  code(key: string, table: CodeTableName): string | null {
    const v = idText(this.raw(key));
    if (v === null) return null;
    if (!isAllDigits(v)) return this.fail(key, v, 'code-not-integer', `${this.ix.name(key)} must be a whole number id, got "${v}"`);
    if (!isKnownCode(table, v)) {
      this.warn(key, v, 'code-unknown', `${this.ix.name(key)} ${v} is not in the known code table (kept; events that depend on it are reported as gaps)`);
    }
    return v;
  }
  flag(key: string): string | null {
    const raw = this.raw(key);
    const b = parseFlag(raw);
    if (b === undefined) return this.fail(key, raw, 'flag-unreadable', `expected 1/0, True/False or Y/N, got "${raw}"`);
    return b === null ? null : b ? '1' : '0';
  }
}
