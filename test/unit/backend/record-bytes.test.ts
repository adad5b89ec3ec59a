import { describe, expect, it } from 'vitest';
import { RecordBytes } from '../../../electron/backend/import/record-bytes';

const enc = new TextEncoder();
function hashes(text: string, newline: '\r\n' | '\n' | '\r', lines: number[], ends: number[], final = true, split = 7): Int32Array | false {
  const rb = new RecordBytes(newline);
  const bytes = enc.encode(text);
  for (let i = 0; i < bytes.length; i += split) rb.append(bytes.subarray(i, i + split));
  const out = new Int32Array(lines.length * 2);
  return rb.hash(lines, ends, final, out) && out;
}
const pair = (h: Int32Array, i: number): string => `${h[i * 2]},${h[i * 2 + 1]}`;

describe('RecordBytes', () => {
  it('hashes each record over its own bytes: identical lines alike, anything else apart', () => {
    const text = 'h1,h2\na,b\nab,\na,b\n\nq,"x\ny"\na,b';
    const h = hashes(text, '\n', [2, 3, 4, 6, 8], [3, 4, 5, 8, 9]);
    expect(h).not.toBe(false);
    const hs = h as Int32Array;
    expect(pair(hs, 0)).toBe(pair(hs, 2));
    expect(pair(hs, 0)).toBe(pair(hs, 4)); // the last line has no line break
    expect(pair(hs, 0)).not.toBe(pair(hs, 1));
    expect(new Set([0, 1, 3].map((i) => pair(hs, i))).size).toBe(3);
  });

  it('ignores the line break itself (CRLF, CR) and works across chunk boundaries', () => {
    const crlf = hashes('h\r\nsame row\r\nsame row\r\n', '\r\n', [2, 3], [3, 4], true, 3) as Int32Array;
    const lf = hashes('h\nsame row\nsame row', '\n', [2, 3], [3, 4]) as Int32Array;
    const cr = hashes('h\rsame row\rsame row\r', '\r', [2, 3], [3, 4], true, 1) as Int32Array;
    expect(pair(crlf, 0)).toBe(pair(crlf, 1));
    expect(pair(crlf, 0)).toBe(pair(lf, 0));
    expect(pair(cr, 1)).toBe(pair(lf, 1));
  });

  it('hashes the same when records are hashed as chunks arrive, across a record longer than its buffer', () => {
    const rows = ['h'];
    for (let i = 0; i < 3000; i++) rows.push(i === 1500 ? 'x'.repeat(700_000) : `row ${i % 700},${'y'.repeat(i % 300)}`);
    const bytes = enc.encode(rows.join('\n') + '\n');
    const n = rows.length - 1;
    const lines = Array.from({ length: n }, (_, i) => i + 2);
    const ends = lines.map((l) => l + 1);
    const whole = hashes(new TextDecoder().decode(bytes), '\n', lines, ends) as Int32Array;
    // As the reader does it: append 64 KB, hash the records complete so far, repeat.
    const rb = new RecordBytes('\n');
    const streamed = new Int32Array(n * 2);
    let complete = 0; // lines ended so far
    let done = 0; // records hashed so far
    for (let at = 0; at < bytes.length; at += 65_536) {
      const chunk = bytes.subarray(at, at + 65_536);
      rb.append(chunk);
      for (const b of chunk) if (b === 10) complete++;
      const upTo = Math.max(0, complete - 1); // line 1 is the header
      if (upTo > done) {
        const out = new Int32Array((upTo - done) * 2);
        expect(rb.hash(lines.slice(done, upTo), ends.slice(done, upTo), false, out)).toBe(true);
        streamed.set(out, done * 2);
        done = upTo;
      }
    }
    expect(done).toBe(n);
    expect(Array.from(streamed)).toEqual(Array.from(whole));
  });

  it('says so when the line numbers do not match the bytes', () => {
    expect(hashes('h\na\n', '\n', [2, 5], [3, 6])).toBe(false);
    expect(hashes('h\na', '\n', [2], [3], false)).toBe(false); // not final: the record is incomplete
  });
});
