/**
 * Duplicate-row hashes from a UTF-8 file's own bytes. A record is its physical lines (CsvReader knows
 * where each starts and how many it spans), so its hash is taken over those bytes, without the line
 * break: four bytes per step, ~0.2 µs for a 150-byte log row, where hashing the parsed fields' UTF-16
 * text one character pair at a time cost ~0.6 µs (the largest single cost of the parse worker).
 * Rows are therefore duplicates when their text is byte-identical, which is what "identical to line N"
 * tells the analyst. UTF-16 files keep hashing fields (row-hashes.ts).
 */
import { isUtf8Bytes } from './text-decode';

/**
 * Records split straight from the file's bytes (RecordBytes.split): each record's fields as offsets
 * into `buf`, which stays valid until the next append.
 */
export interface ByteBatch {
  readonly buf: Uint8Array;
  /** `buf`'s bytes as a DataView (same offsets), for reading four bytes a step. */
  readonly view: DataView;
  /** Field j's text is buf[spans[2j], spans[2j + 1]) (inside its quotes, when quoted). */
  readonly spans: Int32Array;
  /** Record r's fields are first[r] … first[r + 1] - 1. */
  readonly first: Int32Array;
  readonly lines: Int32Array;
  /** Duplicate-row hashes, two int32 per record, as hash() makes them. */
  readonly hashes: Int32Array;
  readonly count: number;
  readonly bytesRead: number;
}

/** Reads the bytes of a file's records in order; each chunk is appended as it is read. */
export class RecordBytes {
  /** Bytes not yet hashed live at the start of `store`; `buf` views exactly them (`indexOf` must not see past). */
  private store = new Uint8Array(1 << 19);
  private view = new DataView(this.store.buffer);
  private buf = this.store.subarray(0, 0);
  /** Byte offset in `buf` where physical line `line` starts. */
  private pos = 0;
  private line = 1;
  private readonly nl: number;

  constructor(private readonly newline: '\r\n' | '\n' | '\r') {
    this.nl = newline === '\r' ? 13 : 10;
  }

  /** Keeps the unhashed rest and adds `bytes` after it, in the same store while they fit (no buffer per chunk). */
  append(bytes: Uint8Array): void {
    const rest = this.buf.length - this.pos;
    const size = rest + bytes.length;
    if (size > this.store.length) {
      const next = new Uint8Array(Math.max(size, this.store.length * 2));
      next.set(this.buf.subarray(this.pos), 0);
      this.store = next;
      this.view = new DataView(next.buffer);
    } else {
      this.store.copyWithin(0, this.pos, this.buf.length);
    }
    this.store.set(bytes, rest);
    this.buf = this.store.subarray(0, size);
    this.pos = 0;
  }

  /** Physical line where the unread bytes start. */
  get nextLine(): number {
    return this.line;
  }

  /** The unread bytes (a record not yet complete), e.g. to go on parsing them as text. */
  rest(): Uint8Array {
    return this.buf.subarray(this.pos);
  }

  /**
   * Splits the complete records of the unread bytes (all of them when `final`) at `delimiter`, as
   * papaparse does when no field spans lines: a record is one physical line, the line break is `\n`
   * (or `\r\n`, its `\r` not part of the last field), an empty line is no record, and a field that
   * starts with a quote ends at the next quote, which a delimiter or the line's end must follow.
   * Undefined, with nothing consumed, at anything else (lines that are not valid UTF-8, a doubled
   * quote, a quote inside an unquoted field or running past its line, and in a CRLF file a bare `\n`):
   * the caller parses the rest as text. Only whole lines are read, so a character cut at the end of the
   * bytes so far waits for the next append.
   */
  split(delimiter: number, final: boolean, bytesRead: number): ByteBatch | undefined {
    const { buf, view } = this;
    const crlf = this.newline === '\r\n';
    let pos = this.pos;
    const end = Math.max(pos, final ? buf.length : buf.lastIndexOf(10) + 1);
    if (!isUtf8Bytes(buf.subarray(pos, end))) return undefined;
    let line = this.line;
    const estimate = Math.max(16, ((end - pos) >> 6) + 16);
    let first: Int32Array = new Int32Array(estimate);
    let lines: Int32Array = new Int32Array(estimate);
    let spans: Int32Array = new Int32Array(estimate * 32);
    let hashes: Int32Array = new Int32Array(estimate * 2);
    let count = 0;
    let b = 0;
    let quote = -1; // the next quote at or after pos (2^32 - 1: none)
    while (pos < end) {
      let nl = buf.indexOf(10, pos);
      if (nl === -1 || nl >= end) nl = end;
      let stop = nl;
      if (crlf && nl < end) {
        if (nl === pos || buf[nl - 1] !== 13) return undefined;
        stop = nl - 1;
      }
      if (stop > pos) {
        if (count + 1 >= first.length) [first, lines] = [grow(first), grow(lines)];
        first[count] = b >> 1;
        lines[count] = line;
        if (b + 4 + 2 * (stop - pos) >= spans.length) spans = grow(spans, b + 4 + 2 * (stop - pos));
        if (count * 2 + 2 > hashes.length) hashes = grow(hashes);
        // The hash leaves out a lone \r that ends a CRLF file's last line, as hash() does.
        const to = crlf && buf[stop - 1] === 13 ? stop - 1 : stop;
        if (quote < pos) quote = buf.indexOf(34, pos) >>> 0; // -1 → 2^32 - 1: none
        if (quote >= stop) {
          spans[b++] = pos;
          b = splitHash(buf, view, pos, to, delimiter, spans, b, hashes, count * 2);
          spans[b++] = stop;
        } else {
          hashRange(buf, view, pos, to, hashes, count * 2);
          b = quotedFields(buf, pos, stop, delimiter, spans, b);
          if (b < 0) return undefined;
        }
        count++;
      }
      line++;
      pos = nl + 1;
    }
    first[count] = b >> 1;
    this.pos = Math.min(pos, buf.length);
    this.line = line;
    return { buf, view, spans, first: first.subarray(0, count + 1), lines: lines.subarray(0, count), hashes: hashes.subarray(0, count * 2), count, bytesRead };
  }

  /**
   * Hashes of records starting at `lines[i]` and ending before `ends[i]` (the next record's first
   * line), two int32 per record into `out`; false when the bytes do not match the line numbers (then
   * the caller hashes fields instead). `final`: the last record may end without a line break.
   */
  hash(lines: readonly number[], ends: readonly number[], final: boolean, out: Int32Array): boolean {
    const { buf, view, nl } = this;
    let pos = this.pos;
    let line = this.line;
    for (let i = 0; i < lines.length; i++) {
      for (; line < lines[i]!; line++) {
        const n = buf.indexOf(nl, pos);
        if (n === -1) return false;
        pos = n + 1;
      }
      const start = pos;
      let end = pos;
      for (; line < ends[i]!; line++) {
        const n = buf.indexOf(nl, pos);
        if (n === -1) {
          if (!final || line + 1 !== ends[i]) return false;
          end = pos = buf.length;
        } else {
          end = n;
          pos = n + 1;
        }
      }
      if (this.newline === '\r\n' && end > start && buf[end - 1] === 13) end--;

      hashRange(buf, view, start, end, out, i * 2);
    }
    this.pos = pos;
    this.line = line;
    return true;
  }
}

/**
 * The fields of the record [pos, stop) that has a quote, as (start, end) pairs into spans from b;
 * returns the next b, or -1 where papaparse would read it differently than a plain split: a quoted
 * field must close on its line with a delimiter or the line's end right after, and holds no quote
 * (a doubled one is text); an unquoted field holds none either.
 */
function quotedFields(buf: Uint8Array, pos: number, stop: number, delimiter: number, spans: Int32Array, b: number): number {
  let i = pos;
  for (;;) {
    if (i < stop && buf[i] === 34) {
      const close = buf.indexOf(34, i + 1);
      if (close === -1 || close >= stop || (close + 1 < stop && buf[close + 1] !== delimiter)) return -1;
      spans[b++] = i + 1;
      spans[b++] = close;
      if (close + 1 >= stop) return b;
      i = close + 2;
    } else {
      let j = i;
      while (j < stop && buf[j] !== delimiter) if (buf[j++] === 34) return -1;
      spans[b++] = i;
      spans[b++] = j;
      if (j >= stop) return b;
      i = j + 1;
    }
  }
}

const grow = (a: Int32Array, need = 0): Int32Array => {
  const next = new Int32Array(Math.max(a.length * 2, need));
  next.set(a);
  return next;
};

const NO_BOUNDS = new Int32Array(0);

/** cyrb53-style two-lane hash of bytes [from, to), four at a time, into out[at], out[at + 1] (splitHash finding nothing). */
const hashRange = (buf: Uint8Array, view: DataView, from: number, to: number, out: Int32Array, at: number): void =>
  void splitHash(buf, view, from, to, -1, NO_BOUNDS, 0, out, at);

/**
 * The hash of [from, to) into hashes[at], hashes[at + 1] — cyrb53-style, two lanes, four bytes a step,
 * each tail byte marked with 0x100 so a short tail differs from a zero word — and, for every delimiter
 * byte in it, the end of the field before and the start of the one after into spans from b (none for
 * delimiter -1); returns the next b. One pass over the record: each word is
 * hashed and tested for the delimiter byte at once (a word holds it iff (w ^ dddd) has a zero byte),
 * so only words with a delimiter are looked at byte by byte.
 */
function splitHash(buf: Uint8Array, view: DataView, from: number, to: number, delimiter: number, spans: Int32Array, b: number, hashes: Int32Array, at: number): number {
  const spread = Math.imul(delimiter, 0x01010101);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let i = from;
  for (const last = to - 4; i <= last; i += 4) {
    const c = view.getInt32(i, true);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
    const x = c ^ spread;
    if (((x - 0x01010101) & ~x & 0x80808080) !== 0) {
      for (let k = i; k < i + 4; k++) {
        if (buf[k] !== delimiter) continue;
        spans[b++] = k;
        spans[b++] = k + 1;
      }
    }
  }
  for (; i < to; i++) {
    const c = buf[i]!;
    if (c === delimiter) {
      spans[b++] = i;
      spans[b++] = i + 1;
    }
    h1 = Math.imul(h1 ^ (c | 0x100), 2654435761);
    h2 = Math.imul(h2 ^ (c | 0x100), 1597334677);
  }
  finishHash(h1, h2, to - from, hashes, at);
  return b;
}

function finishHash(h1: number, h2: number, length: number, out: Int32Array, at: number): void {
  h1 = Math.imul(h1 ^ length, 2654435761);
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  out[at + 1] = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  out[at] = a;
}
