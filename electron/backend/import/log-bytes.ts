/**
 * `_SMSSubscriptionLog` rows written straight from the file's bytes (RowSink's byte path): a record
 * whose every value is in its plain form — the number as 8–15 digits that need no warning, known code
 * ids, dates written exactly as `M/D/YYYY h:mm:ss AM`, the GUID present — becomes the same cells
 * smsSubscriptionLog.mapRow would give, without a string per value. Anything else is left to mapRow
 * (read() says false), so warnings, errors and kept raw texts come from one place. On the 1M-row
 * bench file this is every row.
 */
import { daysFromCivil } from '../../../shared/rules/iso-time';
import { isKnownSmallId, type CodeTableName } from './code-tables';
import type { ColumnIndex, FormatSpec } from './format';
import { CST_OFFSET_MINUTES } from './normalize';
import type { ByteBatch } from './record-bytes';
import type { RowChunkEncoder } from './row-chunk';

const TEXTS = ['definitionId', 'subscriberKey', 'mobileSubscriptionId', 'source'] as const;
const CODES = [
  ['optInStatusId', 'optInStatus'], ['optInMethodId', 'optInMethod'], ['optOutStatusId', 'optOutStatus'], ['optOutMethodId', 'optOutMethod'],
] as const satisfies readonly (readonly [string, CodeTableName])[];
const DATES = ['optInDate', 'optOutDate', 'logDate', 'createdDate', 'modifiedDate'] as const;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
const NULL_VALUE = 99;
/**
 * The values after source_id and line, in BULK_TABLES.subscription_log's order: value v ≥ 0 (0 the
 * number, 1–4 the TEXTS, 5–8 the CODES), ~d the date DATES[d] followed by its raw text's NULL, or NULL
 * (number_raw: the file wrote the digits; extras: the file has none).
 */
const LAYOUT = Int8Array.from([0, NULL_VALUE, 1, 2, 3, 5, 6, ~0, 7, 8, ~1, ~2, 4, ~3, ~4, NULL_VALUE]);

export class LogByteRows {
  /** The number's sort key (run-order.ts numberSortKey) after a successful read(). */
  key = 0;
  private buf: Uint8Array = new Uint8Array(0);
  private view: DataView = new DataView(new ArrayBuffer(0));
  /** Value v's bytes are [from[v], to[v]); -1 = NULL. Values: number, the TEXTS, the CODES. */
  private readonly from = new Int32Array(9);
  private readonly to = new Int32Array(9);
  /** Epoch ms of the DATES, NaN = NULL. */
  private readonly dates = new Float64Array(5);
  /** Header position of each value (index 0, the number, unused here: see numberPos). */
  private readonly valuePos: Int32Array;
  private readonly datePos: Int32Array;
  private readonly numberPos: number;
  /** The last date's bytes and value: a row's dates are often the same text. */
  private readonly last = new Uint8Array(32);
  private readonly lastView = new DataView(this.last.buffer);
  private lastLength = -1;
  private lastMs = 0;

  private constructor(p: Record<string, number>) {
    this.numberPos = p.mobileNumber!;
    this.valuePos = Int32Array.from([-1, ...TEXTS.map((k) => p[k]!), ...CODES.map(([k]) => p[k]!)]);
    this.datePos = Int32Array.from(DATES, (k) => p[k]!);
  }

  /** For a `_SMSSubscriptionLog` file without extra columns (their JSON is mapRow's); otherwise undefined. */
  static for(spec: FormatSpec, ix: ColumnIndex): LogByteRows | undefined {
    if (spec.id !== 'sms-subscription-log' || ix.matchedCount() !== ix.header.length) return undefined;
    return new LogByteRows(ix.positions);
  }

  /** Reads record r when it has `width` fields and every value is in its plain form; false leaves it to mapRow. */
  read(b: ByteBatch, r: number, width: number): boolean {
    const base = b.first[r]!;
    if (b.first[r + 1]! - base !== width) return false;
    const buf = (this.buf = b.buf);
    this.view = b.view;
    const spans = b.spans;
    // Number: 8–15 digits, not 10 starting 2–9 (that one is warned about).
    const ns = this.field(spans, base, this.numberPos);
    const ne = this.fieldEnd;
    const len = ne - ns;
    if (len < 8 || len > 15 || (len === 10 && buf[ns]! >= 50)) return false;
    let n = 0;
    for (let i = ns; i < ne; i++) {
      const c = buf[i]! - 48;
      if (c < 0 || c > 9) return false;
      n = n * 10 + c;
    }
    this.key = n * POW10[15 - len]!;
    this.from[0] = ns;
    this.to[0] = ne;
    // Values 1–4 are the TEXTS (the GUID required), 5–8 the CODES (known ids only).
    for (let v = 1; v < 9; v++) {
      const from = this.field(spans, base, this.valuePos[v]!);
      const to = this.fieldEnd;
      if (from === to && v === 1) return false; // no GUID: mapRow rejects the row
      if (from !== to && v >= 5 && !knownId(buf, from, to, CODES[v - 5]![1])) return false;
      this.from[v] = from === to ? -1 : from;
      this.to[v] = to;
    }
    for (let d = 0; d < 5; d++) {
      const from = this.field(spans, base, this.datePos[d]!);
      const ms = from === this.fieldEnd ? NaN : this.parseDate(from, this.fieldEnd);
      if (ms === undefined) return false;
      this.dates[d] = ms;
    }
    return true;
  }

  /** Writes the record read() accepted, as mapRow's row: [source, line, number, NULL, definition, …, extras NULL]. */
  write(enc: RowChunkEncoder, tag: number, sourceId: number, line: number): void {
    enc.beginRecord(tag, 23);
    enc.numberValue(sourceId);
    enc.numberValue(line);
    for (let i = 0; i < LAYOUT.length; i++) {
      const v = LAYOUT[i]!;
      if (v === NULL_VALUE) enc.nullValue();
      else if (v >= 0) this.text(enc, v);
      else this.dateValue(enc, ~v);
    }
    enc.endRecord();
  }

  /** Start of the field at header position p (-1: absent, an empty field) of the record whose first field is `base`; its end in fieldEnd. */
  private field(spans: Int32Array, base: number, p: number): number {
    if (p < 0) return (this.fieldEnd = 0);
    this.fieldEnd = spans[2 * (base + p) + 1]!;
    return spans[2 * (base + p)]!;
  }

  private fieldEnd = 0;

  private text(enc: RowChunkEncoder, v: number): void {
    if (this.from[v]! < 0) enc.nullValue();
    else enc.textBytes(this.buf, this.view, this.from[v]!, this.to[v]!);
  }

  /** A date value, then its raw text's NULL (the canonical form: rawDateText restores it). */
  private dateValue(enc: RowChunkEncoder, d: number): void {
    const ms = this.dates[d]!;
    if (Number.isNaN(ms)) enc.nullValue();
    else enc.numberValue(ms);
    enc.nullValue();
  }

  /** Where num() goes on. */
  private at = 0;

  /** 1–`max` digits at `at` before `e`, then the byte `stop` (skipped); -1 otherwise, or for 2 digits with a leading zero (not canonical). */
  private num(e: number, max: number, stop: number): number {
    const buf = this.buf;
    const start = this.at;
    let i = start;
    let v = 0;
    for (; i < e && i - start < max; i++) {
      const c = buf[i]! - 48;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
    }
    if (i === start || i >= e || buf[i] !== stop || (max === 2 && i - start === 2 && buf[start] === 48)) return -1;
    this.at = i + 1;
    return v;
  }

  /** `M/D/YYYY h:mm:ss AM` exactly as formatCstUs writes it (no leading zeros) → UTC ms; else undefined. */
  private parseDate(s: number, e: number): number | undefined {
    const buf = this.buf;
    const len = e - s;
    const last = this.last;
    if (len === this.lastLength && len >= 4) {
      // Four bytes a step, from the end: two different times of one export mostly differ in their
      // seconds or minutes. The first word may overlap the one after it.
      const view = this.view;
      const lastView = this.lastView;
      let i = len - 4;
      while (i > 0 && view.getInt32(s + i, true) === lastView.getInt32(i, true)) i -= 4;
      if (i <= 0 && view.getInt32(s, true) === lastView.getInt32(0, true)) return this.lastMs;
    }
    this.at = s;
    const mo = this.num(e, 2, 47);
    const d = mo < 0 ? -1 : this.num(e, 2, 47);
    const y = d < 0 ? -1 : this.num(e, 4, 32);
    const h = y < 1000 ? -1 : this.num(e, 2, 58);
    const i = this.at;
    if (h < 1 || h > 12 || e - i !== 8) return undefined;
    // "mm:ss AM": two digits, colon, two digits, space, A|P, M.
    const mi = two(buf, i);
    const sec = two(buf, i + 3);
    const ap = buf[i + 6];
    if (mi < 0 || sec < 0 || buf[i + 2] !== 58 || buf[i + 5] !== 32 || buf[i + 7] !== 77 || (ap !== 65 && ap !== 80)) return undefined;
    if (mo < 1 || mo > 12 || d < 1 || d > DAYS[mo - 1]! || mi > 59 || sec > 59) return undefined;
    if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return undefined;
    const h24 = (h % 12) + (ap === 80 ? 12 : 0);
    const ms = ((daysFromCivil(y, mo, d) * 24 + h24) * 60 + mi - CST_OFFSET_MINUTES) * 60_000 + sec * 1000;
    if (len <= last.length) {
      for (let i = 0; i < len; i++) last[i] = buf[s + i]!; // set(subarray()) made a view per date
      this.lastLength = len;
      this.lastMs = ms;
    }
    return ms;
  }
}

/** Two ASCII digits at i, or -1. */
const two = (buf: Uint8Array, i: number): number => {
  const a = buf[i]! - 48;
  const b = buf[i + 1]! - 48;
  return a < 0 || a > 9 || b < 0 || b > 9 ? -1 : a * 10 + b;
};

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
