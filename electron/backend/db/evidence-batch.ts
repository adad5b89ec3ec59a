/**
 * A batch of evidence rows as the stream reads them (db/evidence-stream.ts): per table, its columns
 * once and every row's values packed — kinds and numbers in typed arrays, all texts as one UTF-8 buffer —
 * grouped by number. That costs a structured clone a fraction of what row objects did (each object
 * cloned its keys again, each text its own header: ~10 % of the main thread's verdict build at 1M rows
 * for a flat array of values), which matters when the batch goes to the verdict worker.
 * `evidenceBatch` turns it into the rows reconstruction reads — with the citing file's name and hash,
 * each number's rows in evidence order — in whichever thread computes the batch. Pure: no workspace.
 */
import type { SqlValue } from 'sql.js';
import type { EvidenceBatch, EvidenceTable, Row } from './queries';

/**
 * Texts as the UTF-8 bytes of their concatenation plus each one's length (UTF-16 units): cloning is a
 * memcpy, and reading is one decode and substrings. (Joining the texts into one string cost ~95 ns a
 * text on the main thread; this is a byte loop over ASCII, as the loader's chunks are written.)
 */
export interface PackedTexts {
  readonly bytes: Uint8Array;
  readonly lengths: Uint32Array;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

export class TextPacker {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private lengths = new Uint32Array(1 << 12);
  private count = 0;

  push(t: string): void {
    if (this.used + t.length * 3 > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.used + t.length * 3));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    if (this.count === this.lengths.length) {
      const grown = new Uint32Array(this.lengths.length * 2);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    const bytes = this.bytes;
    const at = this.used;
    let i = 0;
    for (; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c > 127) break;
      bytes[at + i] = c;
    }
    this.used = i === t.length ? at + i : at + utf8.encodeInto(t, bytes.subarray(at)).written;
    this.lengths[this.count++] = t.length;
  }

  /** A text given as UTF-8 bytes (`src[from, from + n)`): copied as they are when ASCII, else decoded and pushed. */
  pushBytes(src: Uint8Array, from: number, n: number): void {
    if (this.used + n > this.bytes.length || this.count === this.lengths.length) {
      this.push(utf8Decoder.decode(src.subarray(from, from + n))); // push() grows both
      return;
    }
    const bytes = this.bytes;
    const at = this.used;
    for (let i = 0; i < n; i++) {
      const c = src[from + i]!;
      if (c > 127) {
        this.push(utf8Decoder.decode(src.subarray(from, from + n))); // its UTF-16 length is not n
        return;
      }
      bytes[at + i] = c;
    }
    this.used = at + n;
    this.lengths[this.count++] = n;
  }

  pack(): PackedTexts {
    return { bytes: this.bytes.slice(0, this.used), lengths: this.lengths.slice(0, this.count) };
  }
}

export function packTexts(list: readonly string[]): PackedTexts {
  const p = new TextPacker();
  for (const t of list) p.push(t);
  return p.pack();
}

/** A batch's numbers, packed or not. */
export const batchNumbers = (raw: RawEvidence): string[] => (Array.isArray(raw.numbers) ? raw.numbers : unpackTexts(raw.numbers));

export function unpackTexts(p: PackedTexts): string[] {
  const text = new TextDecoder().decode(p.bytes);
  const out = new Array<string>(p.lengths.length);
  for (let i = 0, at = 0; i < out.length; i++) {
    out[i] = text.slice(at, (at += p.lengths[i]!));
  }
  return out;
}

const NULL_KIND = 0;
const NUMBER_KIND = 1;
const TEXT_KIND = 2;
const BLOB_KIND = 3;

/** SqlValues packed: a kind per value, then the numbers, texts and blobs in value order. */
export interface PackedValues {
  readonly kinds: Uint8Array;
  readonly numbers: Float64Array;
  readonly texts: PackedTexts;
  readonly blobs: readonly Uint8Array[];
}

export class ValuePacker {
  private readonly kinds: number[] = [];
  private readonly numbers: number[] = [];
  private readonly texts = new TextPacker();
  private readonly blobs: Uint8Array[] = [];

  push(v: SqlValue): void {
    if (v === null || v === undefined) {
      this.kinds.push(NULL_KIND);
    } else if (typeof v === 'number') {
      this.kinds.push(NUMBER_KIND);
      this.numbers.push(v);
    } else if (typeof v === 'string') {
      this.kinds.push(TEXT_KIND);
      this.texts.push(v);
    } else {
      this.kinds.push(BLOB_KIND);
      this.blobs.push(v);
    }
  }

  /** The same as push() for a value read as it is stored (db/evidence-stream.ts's heap read): a number, … */
  pushNumber(v: number): void {
    this.kinds.push(NUMBER_KIND);
    this.numbers.push(v);
  }

  /** … a text's UTF-8 bytes, … */
  pushTextBytes(src: Uint8Array, from: number, n: number): void {
    this.kinds.push(TEXT_KIND);
    this.texts.pushBytes(src, from, n);
  }

  /** … or NULL (push() takes blobs). */
  pushNull(): void {
    this.kinds.push(NULL_KIND);
  }

  pack(): PackedValues {
    return { kinds: Uint8Array.from(this.kinds), numbers: Float64Array.from(this.numbers), texts: this.texts.pack(), blobs: this.blobs };
  }
}

/** The same interface without packing, for a batch computed in the thread that read it. */
export class PlainValues {
  private readonly values: SqlValue[] = [];

  push(v: SqlValue): void {
    this.values.push(v ?? null);
  }

  pack(): SqlValue[] {
    return this.values;
  }
}

export function unpackValues(p: PackedValues): SqlValue[] {
  const texts = unpackTexts(p.texts);
  const out = new Array<SqlValue>(p.kinds.length);
  let n = 0;
  let t = 0;
  let b = 0;
  for (let i = 0; i < out.length; i++) {
    const k = p.kinds[i];
    out[i] = k === NUMBER_KIND ? p.numbers[n++]! : k === TEXT_KIND ? texts[t++]! : k === BLOB_KIND ? p.blobs[b++]! : null;
  }
  return out;
}

export interface RawTable {
  readonly table: EvidenceTable;
  /** Column names; every row has exactly these values, in this order (the number first). */
  readonly cols: readonly string[];
  /** How many rows each number of this table has, in batch order. */
  readonly counts: Uint32Array;
  /** All rows' values, row after row (cols.length each): packed when the batch goes to the worker. */
  readonly values: PackedValues | SqlValue[];
}

export interface RawEvidence {
  /** Every number of the batch, in number order (some have rows in no table read here). */
  readonly numbers: PackedTexts | string[];
  readonly tables: readonly RawTable[];
}

/** The file name and hash of each source id, for citations. */
export type SourceNames = ReadonlyMap<number, { readonly file_name: SqlValue; readonly sha256: SqlValue }>;

/** EVIDENCE_ORDER (queries.ts) in JS: the leading date where there is one, then file and line. */
const DATE_KEY: Partial<Record<EvidenceTable, (r: Row) => SqlValue>> = {
  subscription_log: (r) => r.log_at ?? r.opt_out_at ?? r.opt_in_at ?? null,
  messages: (r) => r.created_at ?? null,
};

/** SQLite's BINARY order (UTF-8 bytes) on JS strings: UTF-16 order, except that surrogates sort last. */
const unit = (c: number): number => (c >= 0xd800 && c < 0xe000 ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c);
export function before(a: string, b: string): boolean {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unit(x) < unit(y);
  }
  return a.length < b.length;
}

/** SQLite's ORDER BY on two values: NULL, then numbers, then text (BINARY); blobs never occur here. */
const rank = (v: SqlValue): number => (v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3);
function compare(a: SqlValue, b: SqlValue): number {
  const d = rank(a) - rank(b);
  if (d !== 0 || a === b) return d;
  if (typeof a === 'number') return a - (b as number);
  if (typeof a === 'string') return before(a, b as string) ? -1 : 1;
  return 0;
}

const inEvidenceOrder = (table: EvidenceTable, rows: Row[]): Row[] => {
  const date = DATE_KEY[table];
  return rows.sort((a, b) => (date ? compare(date(a), date(b)) : 0) || compare(a.source_id!, b.source_id!) || compare(a.line!, b.line!));
};

export function evidenceBatch(raw: RawEvidence, sources: SourceNames): EvidenceBatch {
  const batch = new Map<EvidenceTable, Map<string, Row[]>>();
  for (const t of raw.tables) {
    const byNumber = new Map<string, Row[]>();
    const width = t.cols.length;
    const values = Array.isArray(t.values) ? t.values : unpackValues(t.values);
    let v = 0;
    for (let g = 0; g < t.counts.length; g++) {
      const list: Row[] = [];
      const number = values[v] as string;
      for (let k = 0; k < t.counts[g]!; k++, v += width) {
        const row: Row = {};
        for (let i = 0; i < width; i++) row[t.cols[i]!] = values[v + i]!;
        const src = sources.get(Number(row.source_id));
        row.file_name = src?.file_name ?? null;
        row.sha256 = src?.sha256 ?? null;
        list.push(row);
      }
      byNumber.set(number, list.length > 1 ? inEvidenceOrder(t.table, list) : list);
    }
    batch.set(t.table, byNumber);
  }
  return batch;
}
