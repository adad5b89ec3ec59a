/**
 * The distinct (KeywordID, SharedKeyword, CodeID, ShortCode) combinations of a message tracking file,
 * each with the line it first appears on, collected as RowSink goes through the file (in the parse
 * worker for big files). The `codes` table and the keyword pairs (db/tracking-pairs.ts) are functions
 * of these few combinations, so a load merges them instead of reading every message back (~1.2 s of
 * the main thread per million messages).
 */
import type { BulkRow } from '../db/tables';
import { col } from '../db/tables';

/** [keyword_id, shared_keyword, code_id, short_code, first line]; NULL where the file has no value. */
export type MessageKey = readonly [string | null, string | null, string | null, string | null, number];

const FIELDS = [col('messages', 'keyword_id'), col('messages', 'shared_keyword'), col('messages', 'code_id'), col('messages', 'short_code')] as const;
/** Between fields and for NULL in the byte keys: bytes valid UTF-8 never holds. */
const SEP = 0xff;
const NULL_FIELD = 0xfe;
const utf8 = new TextDecoder();

export class MessageKeys {
  /** Text rows (mapRow's): by the four values joined. */
  private readonly byText = new Map<string, MessageKey>();
  /** Byte rows (ByteRows'): by a hash of the four values' bytes, each entry's bytes kept to compare. */
  private readonly byHash = new Map<number, Stored[]>();

  /** A row mapRow made (the messages table's bind order). */
  addRow(row: BulkRow, line: number): void {
    const v = FIELDS.map((i) => row[i] as string | null);
    const key = textKey(v);
    if (!this.byText.has(key)) this.byText.set(key, [v[0]!, v[1]!, v[2]!, v[3]!, line]);
  }

  /**
   * A row ByteRows read: value k (keyword id, shared keyword, code id, short code) is cell `cells[k]`,
   * whose bytes are buf[from[c], to[c]) (`view`: buf as a DataView); NULL where from[c] < 0 or the
   * cell is -1 (no such column). Hashed and compared four bytes a step straight from the record;
   * copied only when new.
   */
  addBytes(buf: Uint8Array, view: DataView, from: Int32Array, to: Int32Array, cells: Int32Array, line: number): void {
    let h = 0x811c9dc5;
    for (let k = 0; k < 4; k++) {
      const c = cells[k]!;
      const f = c < 0 ? -1 : from[c]!;
      const t = c < 0 ? 0 : to[c]!;
      if (f < 0) {
        h = Math.imul(h ^ 0x1fe, 0x01000193);
        continue;
      }
      let i = f;
      for (; i + 4 <= t; i += 4) h = Math.imul(h ^ view.getInt32(i, true), 0x01000193);
      for (; i < t; i++) h = Math.imul(h ^ (buf[i]! | 0x100), 0x01000193);
      h = Math.imul(h ^ (0x200 | (t - f)), 0x01000193);
    }
    const entries = this.byHash.get(h);
    if (entries) {
      for (const e of entries) if (same(e, buf, view, from, to, cells)) return;
      entries.push(stored(buf, from, to, cells, line));
    } else this.byHash.set(h, [stored(buf, from, to, cells, line)]);
  }

  /** Every combination once, with its first line, in line order. */
  list(): MessageKey[] {
    const all = new Map(this.byText);
    for (const entries of this.byHash.values()) {
      for (const e of entries) {
        const v: (string | null)[] = [];
        for (let k = 0, start = 0; k < 4; k++) {
          const end = e.bytes.indexOf(SEP, start);
          v.push(e.bytes[start] === NULL_FIELD && end === start + 1 ? null : utf8.decode(e.bytes.subarray(start, end)));
          start = end + 1;
        }
        const key = textKey(v);
        const seen = all.get(key);
        if (!seen || seen[4] > e.line) all.set(key, [v[0]!, v[1]!, v[2]!, v[3]!, e.line]);
      }
    }
    return [...all.values()].sort((a, b) => a[4] - b[4]);
  }
}

/** The four values (NULL apart from any text) as one Map key. */
const textKey = (v: readonly (string | null)[]): string => v.map((s) => (s === null ? '\u0000' : s)).join('\u0001');

/** A combination seen as bytes: its four values with SEP after each (NULL_FIELD for NULL). */
interface Stored { readonly bytes: Uint8Array; readonly view: DataView; readonly line: number }

function stored(buf: Uint8Array, from: Int32Array, to: Int32Array, cells: Int32Array, line: number): Stored {
  const f = (k: number): number => (cells[k]! < 0 ? -1 : from[cells[k]!]!);
  const t = (k: number): number => to[cells[k]!]!;
  let n = 0;
  for (let k = 0; k < 4; k++) n += f(k) < 0 ? 2 : t(k) - f(k) + 1;
  const bytes = new Uint8Array(n);
  let at = 0;
  for (let k = 0; k < 4; k++) {
    if (f(k) < 0) bytes[at++] = NULL_FIELD;
    else {
      bytes.set(buf.subarray(f(k), t(k)), at);
      at += t(k) - f(k);
    }
    bytes[at++] = SEP;
  }
  return { bytes, view: new DataView(bytes.buffer), line };
}

/** Whether the record's four values are exactly the stored ones (four bytes a step). */
function same(e: Stored, buf: Uint8Array, view: DataView, from: Int32Array, to: Int32Array, cells: Int32Array): boolean {
  const b = e.bytes;
  let at = 0;
  for (let k = 0; k < 4; k++) {
    const c = cells[k]!;
    const f = c < 0 ? -1 : from[c]!;
    if (f < 0) {
      if (b[at] !== NULL_FIELD || b[at + 1] !== SEP) return false;
      at += 2;
      continue;
    }
    const n = to[c]! - f;
    if (at + n >= b.length || b[at + n] !== SEP) return false;
    let i = 0;
    for (; i + 4 <= n; i += 4) if (view.getInt32(f + i, true) !== e.view.getInt32(at + i, true)) return false;
    for (; i < n; i++) if (buf[f + i] !== b[at + i]) return false;
    at += n + 1;
  }
  return at === b.length;
}
