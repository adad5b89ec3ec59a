/**
 * Rows written straight from a file's bytes (RowSink's byte path) by a format's byte plan
 * (FormatSpec.bytePlan): a record whose every value is in its plain form — the number as 8–15 digits
 * that need no warning, known code ids, dates in one of ByteDates' two shapes, flags 0/1, required
 * values present — becomes the same cells mapRow would give, without a string per value. Anything
 * else is left to mapRow (read() says false), so warnings, errors and kept raw texts come from one
 * place. On the bench's generated exports this is every row.
 */
import { ByteDates } from './byte-dates';
import { isKnownSmallId, type CodeTableName } from './code-tables';
import type { ByteCell, ColumnIndex, FormatSpec } from './format';
import type { ByteBatch } from './record-bytes';
import type { RowChunkEncoder } from './row-chunk';

const enum Kind { Number, Text, Code, Date, Flag, Constant, Null }
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** Fixed bytes written as a text value (a constant, a flag's '0' and '1'). */
interface Bytes { readonly buf: Uint8Array; readonly view: DataView }
const bytesOf = (s: string): Bytes => {
  const buf = new TextEncoder().encode(s);
  return { buf, view: new DataView(buf.buffer, buf.byteOffset, buf.byteLength) };
};
const FLAG_TEXT = [bytesOf('0'), bytesOf('1')] as const;

export class ByteRows {
  /** The number's sort key (run-order.ts numberSortKey) after a successful read(). */
  key = 0;
  /** The last read()'s record bytes (its cells' spans point into them), and the same as a DataView. */
  buf: Uint8Array = new Uint8Array(0);
  view: DataView = new DataView(new ArrayBuffer(0));
  private readonly kind: Int8Array;
  /** Header position of each cell's column (-1: absent, read as empty). */
  private readonly pos: Int32Array;
  private readonly required: Uint8Array;
  private readonly tables: (CodeTableName | undefined)[];
  private readonly constants: (Bytes | undefined)[];
  /** Values per record: source id, line, then one per cell, two for a number or a date. */
  private readonly values: number;
  /** After read(): cell c's bytes are [from[c], to[c]); -1 = NULL (a date's raw text: NULL when canonical); a flag's value 0/1. */
  readonly from: Int32Array;
  readonly to: Int32Array;
  private readonly keys: (string | undefined)[];
  /** Epoch ms of each date cell, NaN = NULL. */
  private readonly ms: Float64Array;
  private readonly dates = new ByteDates();
  /** The cells of each kind, in plan order (read() checks them kind by kind). */
  private readonly numberCell: number;
  private readonly textCells: Int32Array;
  private readonly codeCells: Int32Array;
  private readonly dateCells: Int32Array;
  private readonly flagCells: Int32Array;

  private constructor(plan: readonly ByteCell[], p: Record<string, number>) {
    const n = plan.length;
    this.kind = new Int8Array(n);
    this.pos = new Int32Array(n).fill(-1);
    this.required = new Uint8Array(n);
    this.tables = new Array<CodeTableName | undefined>(n);
    this.constants = new Array<Bytes | undefined>(n);
    this.from = new Int32Array(n);
    this.to = new Int32Array(n);
    this.ms = new Float64Array(n);
    this.keys = plan.map((c) => ('text' in c ? c.text : undefined));
    let values = 2;
    plan.forEach((c, i) => {
      const [kind, key] =
        'number' in c ? [Kind.Number, c.number] : 'text' in c ? [Kind.Text, c.text] : 'code' in c ? [Kind.Code, c.code]
        : 'date' in c ? [Kind.Date, c.date] : 'flag' in c ? [Kind.Flag, c.flag]
        : 'constant' in c && c.constant !== null ? [Kind.Constant, undefined] : [Kind.Null, undefined];
      this.kind[i] = kind;
      if (key !== undefined) this.pos[i] = p[key] ?? -1;
      if ('required' in c && c.required) this.required[i] = 1;
      if ('code' in c) this.tables[i] = c.table;
      if ('constant' in c && c.constant !== null) this.constants[i] = bytesOf(c.constant);
      values += kind === Kind.Number || kind === Kind.Date ? 2 : 1;
    });
    const cells = (k: Kind): Int32Array => Int32Array.from(plan.keys()).filter((i) => this.kind[i] === k);
    if (cells(Kind.Number).length !== 1) throw new Error('a byte plan needs one number (its rows are ordered by it)');
    this.numberCell = cells(Kind.Number)[0]!;
    this.textCells = cells(Kind.Text);
    this.codeCells = cells(Kind.Code);
    this.dateCells = cells(Kind.Date);
    this.flagCells = cells(Kind.Flag);
    this.values = values;
  }

  /** The cell of the text column `key` (-1: the plan has none). */
  textCell(key: string): number {
    return this.keys.indexOf(key);
  }

  /** For a file of a format with a byte plan and without extra columns (their JSON is mapRow's); otherwise undefined. */
  static for(spec: FormatSpec, ix: ColumnIndex): ByteRows | undefined {
    if (!spec.bytePlan || ix.matchedCount() !== ix.header.length) return undefined;
    return new ByteRows(spec.bytePlan, ix.positions);
  }

  /** Reads record r when it has `width` fields and every value is in its plain form; false leaves it to mapRow. */
  read(b: ByteBatch, r: number, width: number): boolean {
    const base = b.first[r]!;
    if (b.first[r + 1]! - base !== width) return false;
    const buf = (this.buf = b.buf);
    const view = (this.view = b.view);
    const spans = b.spans;
    const { from, to, required } = this;
    // One loop per kind (each monomorphic): a switch per cell cost the log ~7 % of the parse worker.
    {
      // The number: 8–15 digits, not 10 starting 2–9 (that one is warned about).
      const c = this.numberCell;
      const s = this.field(spans, base, c);
      const e = this.fieldEnd;
      const len = e - s; // an absent column reads as empty: too short
      if (len < 8 || len > 15 || (len === 10 && buf[s]! >= 50)) return false;
      let n = 0;
      for (let i = s; i < e; i++) {
        const d = buf[i]! - 48;
        if (d < 0 || d > 9) return false;
        n = n * 10 + d;
      }
      this.key = n * POW10[15 - len]!;
      from[c] = s;
      to[c] = e;
    }
    const texts = this.textCells;
    for (let k = 0; k < texts.length; k++) {
      const c = texts[k]!;
      const s = this.field(spans, base, c);
      const e = this.fieldEnd;
      if (s === e && required[c] === 1) return false;
      from[c] = s === e ? -1 : s;
      to[c] = e;
    }
    const codes = this.codeCells;
    for (let k = 0; k < codes.length; k++) {
      const c = codes[k]!;
      const s = this.field(spans, base, c);
      const e = this.fieldEnd;
      if (s !== e && !knownId(buf, s, e, this.tables[c]!)) return false;
      from[c] = s === e ? -1 : s;
      to[c] = e;
    }
    const dates = this.dateCells;
    for (let k = 0; k < dates.length; k++) {
      const c = dates[k]!;
      const s = this.field(spans, base, c);
      const e = this.fieldEnd;
      if (s === e) {
        if (required[c] === 1) return false;
        this.ms[c] = NaN;
        from[c] = -1;
        continue;
      }
      const ms = this.dates.parse(buf, view, s, e);
      if (ms === undefined) return false;
      this.ms[c] = ms;
      from[c] = this.dates.canonical ? -1 : s;
      to[c] = e;
    }
    const flags = this.flagCells;
    for (let k = 0; k < flags.length; k++) {
      // Empty → NULL, one digit 0/1 → itself; True/Y/… are left to parseFlag.
      const c = flags[k]!;
      const s = this.field(spans, base, c);
      const e = this.fieldEnd;
      if (s === e) from[c] = -1;
      else if (e - s === 1 && (buf[s] === 48 || buf[s] === 49)) from[c] = buf[s]! - 48;
      else return false;
    }
    return true;
  }

  /** Start of cell c's field (an absent column: an empty one) in the record whose first field is `base`; its end in fieldEnd. */
  private field(spans: Int32Array, base: number, c: number): number {
    const p = this.pos[c]!;
    if (p < 0) return (this.fieldEnd = 0);
    this.fieldEnd = spans[2 * (base + p) + 1]!;
    return spans[2 * (base + p)]!;
  }

  private fieldEnd = 0;

  /** Writes the record read() accepted, as mapRow's row: [source, line, …the plan's values]. */
  write(enc: RowChunkEncoder, tag: number, sourceId: number, line: number): void {
    const { kind, from, to } = this;
    enc.beginRecord(tag, this.values);
    enc.numberValue(sourceId);
    enc.numberValue(line);
    for (let c = 0; c < kind.length; c++) {
      switch (kind[c]) {
        case Kind.Number:
          enc.textBytes(this.buf, this.view, from[c]!, to[c]!);
          enc.nullValue(); // number_raw: the file wrote the digits
          break;
        case Kind.Text:
        case Kind.Code:
          if (from[c]! < 0) enc.nullValue();
          else enc.textBytes(this.buf, this.view, from[c]!, to[c]!);
          break;
        case Kind.Date:
          if (Number.isNaN(this.ms[c]!)) enc.nullValue();
          else enc.numberValue(this.ms[c]!);
          if (from[c]! < 0) enc.nullValue(); // canonical (rawDateText restores it) or empty
          else enc.textBytes(this.buf, this.view, from[c]!, to[c]!);
          break;
        case Kind.Flag: {
          const f = from[c]!;
          if (f < 0) enc.nullValue();
          else enc.textBytes(FLAG_TEXT[f as 0 | 1].buf, FLAG_TEXT[f as 0 | 1].view, 0, 1);
          break;
        }
        case Kind.Constant: {
          const k = this.constants[c]!;
          enc.textBytes(k.buf, k.view, 0, k.buf.length);
          break;
        }
        default:
          enc.nullValue();
      }
    }
    enc.endRecord();
  }
}

/** A code id in its plain form: 1–3 digits, no leading zero (but "0"), below 256, in the table. */
function knownId(buf: Uint8Array, s: number, e: number, table: CodeTableName): boolean {
  const len = e - s;
  if (len > 3 || (len > 1 && buf[s] === 48)) return false;
  let id = 0;
  for (let i = s; i < e; i++) {
    const c = buf[i]! - 48;
    if (c < 0 || c > 9) return false;
    id = id * 10 + c;
  }
  return id < 256 && isKnownSmallId(table, id);
}
