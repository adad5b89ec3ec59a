/**
 * Export dates read from a record's bytes (byte-rows.ts), for the two shapes exports write: the
 * canonical `M/D/YYYY h:mm:ss AM` (data views) and `YYYY-MM-DD HH:mm:ss(.fff)` (query extracts), both
 * CST without daylight saving. Any other text is left to parseExportDateMs through mapRow (parse()
 * says undefined), so its warnings, errors and leniencies stay in one place.
 */
import { daysFromCivil } from '../../../shared/rules/iso-time';
import { CST_OFFSET_MINUTES } from './normalize';

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export class ByteDates {
  /** Whether the last parse() read the canonical form (its raw text need not be stored). */
  canonical = false;
  private buf: Uint8Array = new Uint8Array(0);
  /** The last date's bytes and value: a row's dates are often the same text. */
  private readonly last = new Uint8Array(32);
  private readonly lastView = new DataView(this.last.buffer);
  private lastLength = -1;
  private lastMs = 0;
  private lastCanonical = false;
  /** Where num() goes on. */
  private at = 0;

  /** UTC epoch ms of buf[s, e) (non-empty) in one of the two shapes; undefined otherwise. */
  parse(buf: Uint8Array, view: DataView, s: number, e: number): number | undefined {
    const len = e - s;
    if (len === this.lastLength && len >= 4) {
      // Four bytes a step, from the end: two different times of one export mostly differ in their
      // seconds or minutes. The first word may overlap the one after it.
      const lastView = this.lastView;
      let i = len - 4;
      while (i > 0 && view.getInt32(s + i, true) === lastView.getInt32(i, true)) i -= 4;
      if (i <= 0 && view.getInt32(s, true) === lastView.getInt32(0, true)) {
        this.canonical = this.lastCanonical;
        return this.lastMs;
      }
    }
    return this.miss(buf, s, e);
  }

  /** A date other than the last: parsed, then kept as the last. */
  private miss(buf: Uint8Array, s: number, e: number): number | undefined {
    this.buf = buf;
    const len = e - s;
    const ms = len >= 10 && buf[s + 4] === 45 ? this.iso(s, e) : this.us(s, e);
    if (ms === undefined) return undefined;
    if (len <= this.last.length) {
      for (let i = 0; i < len; i++) this.last[i] = buf[s + i]!; // set(subarray()) made a view per date
      this.lastLength = len;
      this.lastMs = ms;
      this.lastCanonical = this.canonical;
    }
    return ms;
  }

  /** `M/D/YYYY h:mm:ss AM` exactly as formatCstUs writes it (no leading zeros). */
  private us(s: number, e: number): number | undefined {
    const buf = this.buf;
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
    this.canonical = true;
    return valid(y, mo, d, (h % 12) + (ap === 80 ? 12 : 0), mi, sec, 0);
  }

  /** `YYYY-MM-DD`, optionally ` HH:mm` or `THH:mm`, `:ss`, `.f` or `,f` (1–7 digits); no zone (those stay with mapRow). */
  private iso(s: number, e: number): number | undefined {
    const buf = this.buf;
    const y = four(buf, s);
    const mo = two(buf, s + 5);
    const d = two(buf, s + 8);
    if (y < 0 || mo < 0 || d < 0 || buf[s + 7] !== 45) return undefined;
    this.canonical = false;
    let i = s + 10;
    let h = 0, mi = 0, sec = 0, ms = 0;
    if (i < e) {
      if ((buf[i] !== 32 && buf[i] !== 84) || e - i < 6 || buf[i + 3] !== 58) return undefined;
      h = two(buf, i + 1);
      mi = two(buf, i + 4);
      if (h < 0 || mi < 0) return undefined;
      i += 6;
      if (i < e) {
        if (e - i < 3 || buf[i] !== 58 || (sec = two(buf, i + 1)) < 0) return undefined;
        i += 3;
        if (i < e) {
          if ((buf[i] !== 46 && buf[i] !== 44) || e - i < 2 || e - i > 8) return undefined;
          // Milliseconds: the first three digits, padded on the right ("5" is 500).
          for (let k = 1, scale = 100; i + k < e; k++, scale /= 10) {
            const c = buf[i + k]! - 48;
            if (c < 0 || c > 9) return undefined;
            if (k <= 3) ms += c * scale;
          }
        }
      }
    }
    return valid(y, mo, d, h, mi, sec, ms);
  }

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
}

/** The CST wall time as UTC ms, or undefined where parseExportDateMs rejects it (no 31 April, no 29 February 2023). */
function valid(y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > DAYS[mo - 1]! || h > 23 || mi > 59 || sec > 59) return undefined;
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return undefined;
  return ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi - CST_OFFSET_MINUTES) * 60_000 + sec * 1000 + ms;
}

/** Two ASCII digits at i, or -1. */
const two = (buf: Uint8Array, i: number): number => {
  const a = buf[i]! - 48;
  const b = buf[i + 1]! - 48;
  return a < 0 || a > 9 || b < 0 || b > 9 ? -1 : a * 10 + b;
};

const four = (buf: Uint8Array, i: number): number => {
  const hi = two(buf, i);
  const lo = two(buf, i + 2);
  return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
};
