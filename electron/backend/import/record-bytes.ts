/**
 * Duplicate-row hashes from a UTF-8 file's own bytes. A record is its physical lines (CsvReader knows
 * where each starts and how many it spans), so its hash is taken over those bytes, without the line
 * break: four bytes per step, ~0.2 µs for a 150-byte log row, where hashing the parsed fields' UTF-16
 * text one character pair at a time cost ~0.6 µs (the largest single cost of the parse worker).
 * Rows are therefore duplicates when their text is byte-identical, which is what "identical to line N"
 * tells the analyst. UTF-16 files keep hashing fields (row-hashes.ts).
 */

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

/** cyrb53-style two-lane hash of bytes [from, to), four at a time, into out[at], out[at + 1]. */
function hashRange(buf: Uint8Array, view: DataView, from: number, to: number, out: Int32Array, at: number): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let i = from;
  for (const last = to - 4; i <= last; i += 4) {
    const c = view.getInt32(i, true);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  for (; i < to; i++) {
    const c = buf[i]! | 0x100; // marks the tail, so a short tail differs from a zero word
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (to - from), 2654435761);
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  out[at + 1] = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  out[at] = a;
}
