/**
 * Streaming CSV reader over a file: papaparse's low-level Parser on 64 KB decoded chunks of 256 KB
 * reads, every value kept as text, and the 1-based physical line of each record tracked (quoted fields
 * may hold newlines) so every row can be cited as evidence. The SHA-256 is computed while streaming.
 * On request (`batches(true)`), a UTF-8 file is split from its bytes instead (ByteBatch,
 * record-bytes.ts) for as long as papaparse would split it the same way.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import Papa from 'papaparse';
import { RecordBytes, type ByteBatch } from './record-bytes';
import { CsvFileError, sniffEncoding, TextDecoderStream, type TextEncodingName } from './text-decode';

export type { ByteBatch } from './record-bytes';

export interface CsvBatch {
  readonly rows: string[][];
  /** Physical line (1-based) where each row starts. */
  readonly lines: number[];
  /** papaparse's complaint about a row (e.g. an unclosed quote), by index in `rows`. */
  readonly malformed: Map<number, string>;
  readonly bytesRead: number;
  /** Duplicate-row hashes of the records' bytes, two int32 per row (record-bytes.ts); absent for UTF-16. */
  readonly hashes?: Int32Array;
}

/** Records as text (papaparse) or, while the file is valid UTF-8 and simply quoted, as byte offsets. */
export type AnyBatch = CsvBatch | ByteBatch;
export const isByteBatch = (b: AnyBatch): b is ByteBatch => (b as ByteBatch).spans !== undefined;
export const batchRecords = (b: AnyBatch): number => (isByteBatch(b) ? b.count : b.rows.length);

export interface CsvInfo {
  readonly header: string[];
  readonly delimiter: string;
  readonly encoding: TextEncodingName;
  readonly bom: boolean;
  readonly totalBytes: number;
}

/** The file is read 256 KB at a time (fewer trips through libuv's thread pool than 64 KB reads: ~0.1 s per 157 MB)... */
const READ_BYTES = 256 * 1024;
/**
 * ...and decoded and parsed 64 KB at a time, so a chunk's text (and papaparse's flattened input) stays a
 * regular heap object: V8 puts strings over 128 KB in fresh large-object pages, each a new mapping that
 * is faulted in and unmapped at the next GC. With 256 KB chunks a 1M-row load took 95–140k page faults
 * on the parse worker (the most on a process's first load), with 64 KB 11–57k.
 */
const CHUNK_BYTES = 64 * 1024;
const MAX_PENDING_CHARS = 64 * 1024 * 1024;

export function detectDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    let n = 0;
    let quoted = false;
    for (let i = 0; i < firstLine.length; i++) {
      const c = firstLine[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === d) n++;
    }
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

const detectNewline = (text: string): '\r\n' | '\n' | '\r' => {
  const n = text.indexOf('\n');
  if (n > 0 && text[n - 1] === '\r') return '\r\n';
  if (n !== -1) return '\n';
  return text.indexOf('\r') !== -1 ? '\r' : '\n';
};

const countChar = (s: string, ch: string): number => {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
};

/** Opens a CSV file: reads the header, then `batches()` streams the records after it. */
export class CsvReader {
  info!: CsvInfo;
  bytesRead = 0;
  private readonly hash = createHash('sha256');
  private iterator: AsyncIterator<Buffer> | undefined;
  /** The last read and how much of it nextBytes() has handed out. */
  private readBuf: Buffer = Buffer.alloc(0);
  private readPos = 0;
  private decoder!: TextDecoderStream;
  private pending = '';
  /**
   * papaparse scans every input for a quote to choose its split-only path; that scan (and the
   * flattening of the input it forces) is done once here instead, as parseSome needs its answer too,
   * and the parser whose mode matches is used: `plain` for input without a quote, `quoted` otherwise.
   */
  private plain!: Papa.Parser;
  private quoted!: Papa.Parser;
  private newline: '\r\n' | '\n' | '\r' = '\n';
  private line = 1;
  private done = false;
  /** The records' bytes for duplicate hashes (UTF-8 only); chunks read before it exists wait in `early`. */
  private bytes: RecordBytes | undefined;
  private early: Buffer[] | undefined = [];

  private constructor(readonly path: string) {}

  static async open(path: string): Promise<CsvReader> {
    const r = new CsvReader(path);
    try {
      await r.start();
    } catch (e) {
      await r.close().catch(() => undefined); // release the file handle of a refused file
      throw e;
    }
    return r;
  }

  sha256(): string {
    return this.hash.copy().digest('hex');
  }

  /** The next CHUNK_BYTES (or fewer) of the file, or null at its end. */
  private async nextBytes(): Promise<Buffer | null> {
    if (this.readPos >= this.readBuf.length) {
      const next = await this.iterator!.next();
      if (next.done) return null;
      this.readBuf = next.value;
      this.readPos = 0;
    }
    const end = Math.min(this.readBuf.length, this.readPos + CHUNK_BYTES);
    const buf = this.readBuf.subarray(this.readPos, end);
    this.readPos = end;
    return buf;
  }

  private async nextText(): Promise<string | null> {
    return this.textOf(await this.nextBytes());
  }

  private textOf(buf: Buffer | null): string | null {
    if (buf === null) {
      if (this.done) return null;
      this.done = true;
      return this.decoder.decode(new Uint8Array(0), this.bytesRead, true);
    }
    this.hash.update(buf);
    if (this.bytes) this.bytes.append(buf);
    else this.early?.push(buf);
    const offset = this.bytesRead;
    this.bytesRead += buf.length;
    return this.decoder.decode(buf, offset);
  }

  private async start(): Promise<void> {
    const totalBytes = statSync(this.path).size;
    this.iterator = createReadStream(this.path, { highWaterMark: READ_BYTES })[Symbol.asyncIterator]();
    const buf = await this.nextBytes();
    if (buf === null || buf.length === 0) throw new CsvFileError('empty', 'The file is empty (0 bytes): nothing to load.');
    this.hash.update(buf);
    this.early!.push(buf);
    this.bytesRead = buf.length;
    const { encoding, bom } = sniffEncoding(buf);
    this.decoder = new TextDecoderStream(encoding);
    let text = this.decoder.decode(buf, 0);
    // The header must be complete before the delimiter can be chosen.
    while (text.indexOf('\n') === -1 && text.indexOf('\r') === -1 && !this.done && text.length < MAX_PENDING_CHARS) {
      const more = await this.nextText();
      if (more === null) break;
      text += more;
    }
    if (text.trim() === '') throw new CsvFileError('empty', 'The file has no content (only whitespace or a byte-order mark): nothing to load.');
    this.newline = detectNewline(text);
    const nl = text.indexOf(this.newline);
    const delimiter = detectDelimiter(nl === -1 ? text : text.slice(0, nl));
    this.plain = new Papa.Parser({ delimiter, newline: this.newline, quoteChar: '"', fastMode: true });
    this.quoted = new Papa.Parser({ delimiter, newline: this.newline, quoteChar: '"', fastMode: false });
    if (encoding === 'utf-8') {
      this.bytes = new RecordBytes(this.newline);
      for (const b of this.early!) this.bytes.append(b);
    }
    this.early = undefined;
    this.pending = text;
    let head = this.parseSome(false);
    // A file that is only a header line (no newline) completes only at end of input.
    while (head.rows.length === 0 && !this.done) {
      const more = await this.nextText();
      if (more === null) break;
      this.pending += more;
      head = this.parseSome(this.done);
    }
    const header = head.rows.shift();
    head.lines.shift();
    if (head.hashes) head = { ...head, hashes: head.hashes.subarray(2) };
    if (!header || header.every((h) => h.trim() === '')) throw new CsvFileError('no-header', 'The file has no header row.');
    this.info = { header: header.map((h) => h.trim()), delimiter, encoding, bom, totalBytes };
    this.firstBatch = head;
  }

  private firstBatch: CsvBatch | undefined;

  /**
   * Leaves byte mode: the unread bytes go through the decoder, which has seen nothing since the header's
   * batch (and held nothing then: batches() checks), so it goes on from them as it would have.
   */
  private toText(rb: RecordBytes): void {
    const rest = rb.rest();
    this.pending = this.decoder.decode(rest, this.bytesRead - rest.length);
    this.line = rb.nextLine;
  }
  /** A chunk read in byte mode that the text path takes instead. */
  private pendingBuf: Buffer | undefined;

  /** Parses complete records out of `pending` (all of it when `final`). */
  private parseSome(final: boolean): CsvBatch {
    const input = this.pending;
    const quoted = input.indexOf('"') !== -1;
    const res = (quoted ? this.quoted : this.plain).parse(input, 0, !final) as Papa.ParseResult<string[]>;
    const cursor = final ? input.length : (res.meta as { cursor: number }).cursor;
    this.pending = input.slice(cursor);
    if (this.pending.length > MAX_PENDING_CHARS) {
      throw new CsvFileError('unterminated-quote', `A quoted field starting at line ${this.line} is never closed (over 64 MB without a closing quote): the file looks truncated or damaged.`);
    }
    const rows: string[][] = [];
    const lines: number[] = [];
    const ends: number[] = [];
    const malformed = new Map<number, string>();
    const errByRow = new Map<number, string>();
    for (const e of res.errors) if (e.row !== undefined) errByRow.set(e.row, e.message);
    const nlChar = this.newline === '\r' ? '\r' : '\n';
    const data = res.data;
    for (let i = 0; i < data.length; i++) {
      const row = data[i]!;
      const line = this.line;
      let span = 1;
      if (quoted) for (const f of row) if (f.indexOf(nlChar) !== -1) span += countChar(f, nlChar);
      this.line += span;
      if (row.length === 1 && row[0] === '') continue; // blank line: counted, not a record
      const err = errByRow.get(i);
      if (err !== undefined) malformed.set(rows.length, err);
      rows.push(row);
      lines.push(line);
      ends.push(this.line);
    }
    let hashes: Int32Array | undefined;
    if (this.bytes) {
      hashes = new Int32Array(rows.length * 2);
      // Bytes that do not line up with the line count (never seen): fields are hashed for the rest of the file.
      if (!this.bytes.hash(lines, ends, final, hashes)) this.bytes = hashes = undefined;
    }
    return { rows, lines, malformed, bytesRead: this.bytesRead, ...(hashes ? { hashes } : {}) };
  }

  /**
   * Record batches after the header, one per 64 KB of the file. With `bytes`, a UTF-8 file is split
   * straight from its bytes (ByteBatch) for as long as its lines are valid UTF-8 without a NUL and every
   * record is one where that split and papaparse agree (RecordBytes.split): from the first other chunk
   * or record on, the rest of the file is decoded and parsed as text (CsvBatch), exactly as without `bytes`.
   */
  async *batches(bytes = false): AsyncGenerator<AnyBatch> {
    if (this.firstBatch) {
      const b = this.firstBatch;
      this.firstBatch = undefined;
      if (b.rows.length) yield b;
    }
    const rb = this.bytes;
    // The unread bytes must be exactly the text still pending (a bare \n in a CRLF file, which the
    // text path does not count as a line, leaves them apart: then text it stays).
    if (bytes && rb && this.newline !== '\r' && !this.done && Buffer.from(rb.rest()).toString('utf8') === this.pending) {
      const delimiter = this.info.delimiter.charCodeAt(0);
      for (;;) {
        const buf = await this.nextBytes();
        if (buf !== null && (buf.indexOf(0) !== -1 || rb.rest().length > MAX_PENDING_CHARS)) {
          this.toText(rb);
          this.pendingBuf = buf; // read, not yet taken: the text path takes it first
          break;
        }
        if (buf !== null) {
          this.hash.update(buf);
          rb.append(buf);
          this.bytesRead += buf.length;
        }
        const b = rb.split(delimiter, buf === null, this.bytesRead);
        if (!b) {
          this.toText(rb); // taken: the text path reads on (at the end, it reads the end again)
          break;
        }
        this.line = rb.nextLine;
        if (b.count) yield b;
        if (buf === null) return;
      }
    }
    for (;;) {
      const text = this.pendingBuf ? this.textOf(this.pendingBuf) : await this.nextText();
      this.pendingBuf = undefined;
      if (text === null) break;
      this.pending += text;
      const b = this.parseSome(this.done);
      if (b.rows.length) yield b;
      if (this.done) break;
    }
  }

  async close(): Promise<void> {
    await this.iterator?.return?.();
  }
}
